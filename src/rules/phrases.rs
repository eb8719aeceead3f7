//! Short-text phrase rules: patterns over the whole, whitespace-collapsed text
//! of a short block (HTML) or line (scraped text).
//!
//! Patterns are anchored and length-bounded so that they judge a line's whole
//! shape, never a bare word inside a sentence: "The council will share its
//! findings" stays, "Share this article" goes. Table order is priority order.

use super::PhraseRule;
use super::Position::{Anywhere, Head, Tail};
use crate::document::Kind;

macro_rules! phrase {
    ($id:literal, $kind:ident, $lang:literal, $max:literal, $pos:ident, $pat:literal, $note:literal) => {
        PhraseRule {
            id: $id,
            kind: Kind::$kind,
            lang: $lang,
            max_chars: $max,
            position: $pos,
            pattern: $pat,
            note: $note,
        }
    };
}

/// All built-in phrase rules.
#[rustfmt::skip]
pub const PHRASES: &[PhraseRule] = &[
    // ---- reading time: before bylines, "5 min read" would otherwise look like a date line
    phrase!("reading-time", ReadingTime, "*", 60, Anywhere,
        r"^(?i:(?:reading time|read time)\s*:?\s*)?(?i:about |approx\.? |~)?\d{1,3}\s*-?\s*(?i:min|mins|minute|minutes|minuten|minutos|minuti|минут[аы]?)\.?(?:\s+(?i:read|reading|to read|de lectura|de lecture|di lettura|de leitura|lesezeit|leestijd|leestijd|чтения|lesen))?$",
        "\"13 Min Read\", \"5 minute read\", \"Reading time: 4 min\""),
    phrase!("reading-time-label", ReadingTime, "*", 60, Anywhere,
        r"^(?i:lesezeit|temps de lecture|tiempo de lectura|lectura de|lectura|tempo di lettura|lettura di|lettura|tempo de leitura|leitura de|leitura|leestijd|время чтения)\s*:?\s*(?:ca\.\s*)?\d{1,3}\s*(?i:min|minuten|minutes|minutos|minuti|минут[аы]?)\.?$",
        "reading time labels in other languages"),
    phrase!("reading-time-trailing", ReadingTime, "*", 140, Anywhere,
        r"^.{0,100}[·|•–—]\s*(?i:(?:reading time|read time|lesezeit|temps de lecture|tiempo de lectura|tempo di lettura|tempo de leitura|leestijd|время чтения)\s*:?\s*)?\d{1,3}\s*-?\s*(?i:min|mins|minute|minutes|minuten|minutos|minuti|минут[аы]?)\.?(?:\s+(?i:read|reading|to read|de lectura|de lecture|di lettura|de leitura|lesezeit|leestijd|чтения))?$",
        "\"March 12, 2024 · 5 min read\": a dateline ending in a reading time"),
    // ---- bylines
    phrase!("byline-by-name", Byline, "*", 100, Anywhere,
        r"^(?i:by|written by|posted by|words by|story by|text by|von|par|por|di|door|автор:?|texto:?|escrito por|publié par|geschrieben von)\s+\p{Lu}[\p{L}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|de|da|del|van|von|der|den|di|du|le|la|bin|al))*(?:\s*(?:,|and|&|und|et|y|e|en|и)\s+\p{Lu}[\p{L}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|de|da|del|van|von|der|den|di|du|le|la))*)*$",
        "\"By Jane Doe\", \"Von Anna Schmidt und Jan Ott\": only capitalised name words, so \"By then, ...\" stays"),
    phrase!("byline-by-name-and-more", Byline, "*", 140, Head,
        r"^(?i:by|written by|posted by|words by|story by|article by|report by|text and photos by|von|par|por|di|door|автор:?|escrito por|publié par)\s+\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3}\s*(?:[,|•·–—/]|\s-\s|\bon\b|\bam\b|\ble\b|\bel\b|\bin\b)\s*.{0,90}$",
        "\"By Jane Doe, Staff Writer | March 3\" at the head of the article only: a sentence starting \"By Monday, ...\" sits in the body"),
    phrase!("byline-cjk-credit", Byline, "*", 30, Anywhere,
        r"^[（(][\p{Han}\p{Katakana}\p{Hiragana}ー・\s]{2,24}[）)]$",
        "a reporter credit in parentheses closing a Japanese or Chinese article: （地域報道部 山田花子）"),
    phrase!("dateline-published", Byline, "*", 90, Anywhere,
        r"^(?i:published|updated|posted|last updated|last modified|modified|first published|veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|atualizado|gepubliceerd|bijgewerkt|опубликовано|обновлено)(?:\s+(?i:on|at|am|le|el|il|em|op|в))?\s*:?\s*(?:\p{L}{0,12},?\s*)?\d{1,4}[\p{L}\d\s,.:/\-–+()]*$",
        "\"Published: March 25, 2024\", \"Updated 10:43 AM EDT, Mon March 25\": dates belong in metadata"),
    phrase!("dateline-bare-date", Byline, "*", 50, Anywhere,
        r"^(?:\p{L}+(?:-\p{L}+)?\.?,?\s+)?(?:(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?\p{L}{3,10}\.?\s+(?:de\s+)?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:\s*(?:[,|•·–—-]|at|um|à|às|a las|alle|om|в)?\s*\d{1,2}[:.h]\d{2}(?:\s*(?i:am|pm|a\.m\.|p\.m\.|uhr))?(?:\s*\p{Lu}{2,5})?)?$",
        "a date alone on its line is a dateline, never prose"),
    phrase!("byline-label", Byline, "*", 40, Anywhere,
        r"^(?i:author|authors|by|written by|posted by|publish date|published date|date published|date|autor|auteur|autore|auteurs|автор)\s*:?$",
        "empty byline labels (\"Author:\", \"Publish date:\") whose values were separate blocks"),
    phrase!("byline-published-by", Byline, "*", 220, Anywhere,
        r"(?i)\b(?:publicado por|posted by|published by|publié par|veröffentlicht von|pubblicato da|gepubliceerd door|опубликовал)\s*:?\s*\p{Lu}",
        "\"05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde\" datelines"),
    // ---- inline "see also" links between paragraphs
    phrase!("see-also-en", SeeAlso, "en", 250, Anywhere,
        r"^(?:(?i:see also|read more|read also|also read|also see|read next|read the latest|more reading|don't miss|do not miss|must read|you may also like|you might also like|you may be interested in)\b\s*[:\-–—|»›>]?|(?i:related|related articles?|related stories|related posts?|related content|related coverage|related reading|related links?|related (?:coverage|content|stories|articles) from [^:]{1,60}|recommended|recommended reading|more on this story|more from [\p{L} ]{1,30}|other articles(?: in this series)?|more articles|more in this series|previously|earlier)\s*[:\-–—|»›>])\s*\S.*$",
        "\"See also: <headline>\", \"Read more: <headline>\" between paragraphs; \"Related\" needs a colon, so \"Related to the strike, ...\" stays"),
    phrase!("see-also-other", SeeAlso, "*", 250, Anywhere,
        r"^(?i:siehe auch|lesen sie auch|lies auch|auch interessant|mehr zum thema|zum thema|voir aussi|lire aussi|à lire aussi|a lire aussi|à lire également|lire également|sur le même sujet|lee también|lea también|ver también|te puede interesar|le puede interesar|leggi anche|vedi anche|potrebbe interessarti|leia também|veja também|leia mais|saiba mais|lees ook|zie ook|lees meer|читайте также|смотрите также|читайте по теме)\b\s*(?:[:\-–—|»›>]|\s)\s*\S.*$",
        "the same in German, French, Spanish, Italian, Portuguese, Dutch and Russian"),
    phrase!("related-heading", Related, "*", 60, Anywhere,
        r"^(?i:related|related articles?|related stories|related posts?|related content|related coverage|related links?|related news|more stories|more news|more from .{1,30}|recommended( for you| stories| articles)?|you may also like|you might also like|trending( now)?|most (read|popular|viewed|shared)|popular (posts|stories|articles)|latest (news|stories|posts)|top stories|what to read next|read next|further reading|explore further|keep reading|other articles(?: in this series)?|you may like|você pode gostar\.*|ces articles peuvent vous intéresser|à lire également|ti potrebbe interessare|dit vind je misschien ook interessant|das könnte sie auch interessieren|weitere artikel|meistgelesen|à lire aussi|sur le même sujet|les plus lus|noticias relacionadas|más leídas|lo más leído|articoli correlati|i più letti|notícias relacionadas|mais lidas|gerelateerde artikelen|meest gelezen|похожие статьи|читайте также|популярное)\s*:?$",
        "the heading of a related-articles block"),
    phrase!("related-more-site", Related, "en", 50, Anywhere,
        r"^(?i:more)\s+\p{Lu}[\p{L}.&'’\-]*(?:\s+\p{Lu}[\p{L}.&'’\-]*){1,4}$",
        "\"More Washington Examiner\": a rail of the site's other stories; two or more capitalised words, so a \"More Show\" button and a heading \"More problems ahead\" stay"),
    // ---- share / follow
    phrase!("share-prompt", Share, "*", 60, Anywhere,
        r"^(?i:share|share this|share it|sharing is caring|share (?:this|the) (?:article|story|post|page|video)|share on (?:facebook|twitter|x|linkedin|whatsapp|email)|share via (?:email|e-mail)|share this on (?:facebook|twitter|x|linkedin|whatsapp|email)|share article|tweet this|email this|copy link|print this (?:article|page)|artikel teilen|teilen|diesen artikel teilen|partager|partager cet article|partagez|compartir|compartir en|comparte|compartilhe|compartilhar|condividi|condividi l'articolo|delen|deel dit artikel|deel|поделиться)\s*[:!]?$",
        "\"Share This Article\" and its translations, alone on a line"),
    phrase!("share-network-list", Share, "*", 200, Anywhere,
        r"^(?:(?i:share|share this|share this (?:article|story|post)|share on|share via|artikel teilen|teilen|partager|partager cet article|partager sur|compartir|compartir en|compartilhe|compartilhe esta notícia|compartilhar|condividi|condividi su|deel|deel dit artikel|delen|поделиться)\s*:?\s+)?(?:(?i:facebook|twitter|x|linkedin|whatsapp|email|e-mail|mail|pinterest|reddit|telegram|print|drucken|imprimer|copy link|copy|link kopieren|kopieer link|copier le lien|copiar enlace|copiar link|copia link|envoyer par e-mail|enviar por correo|per e-mail|messenger|flipboard|tumblr|xing|vk|threads|bluesky|share|tweet|pin|pint|baixar|download)[\s,|·•/]*){2,}$",
        "a share bar: an optional share prompt, then network and action names"),
    phrase!("share-counter", Share, "*", 8, Anywhere,
        r"^\d+(?:[.,]\d+)?\s*[KkMm]$",
        "like and share counters (\"1.8K\") left by their icons; a bare \"27\" may be a step number"),
    phrase!("follow-us", Share, "*", 250, Anywhere,
        r"^(?i:follow us|follow me|join us on|like us on|find us on|connect with us|stay connected|join (?:our|the) (?:whatsapp|telegram) (?:group|channel)|folgen sie uns|folge uns|suivez-nous|suivez nous|síguenos|siguenos|seguici|siga-nos|sigam-nos|volg ons|подписывайтесь на нас|следите за нами)\b.*$",
        "\"Follow us on Google News, Twitter ...\""),
    phrase!("share-your-make", Share, "en", 200, Anywhere,
        r"^(?i:did you (?:make|try|bake|cook) this(?: recipe)?\??|tag (?:me|us) (?:on|@)|tag @)\b?.*$",
        "\"Did you make this recipe? Tag @... on Instagram\""),
    phrase!("follow-site-on", Share, "en", 200, Anywhere,
        r"^(?i:follow|get) (?:\p{L}+ ){0,3}on (?i:google news|twitter|x|facebook|instagram|linkedin|whatsapp|telegram|youtube|tiktok|threads|bluesky)\b.*$",
        "\"Follow The Local Report on Google News\""),
    // ---- newsletter, subscriptions, paywalls
    phrase!("newsletter-prompt", Newsletter, "*", 300, Anywhere,
        r"^(?i:subscribe|sign up|signup|get (?:our|the) (?:free )?newsletter|join (?:our|the) (?:mailing list|newsletter)|newsletter|enter your e-?mail|already a subscriber|subscribe now|become a (?:member|subscriber)|support (?:our|independent) journalism|get the latest|don't miss (?:out|a story)|to continue reading|continue reading with|unlock (?:this|unlimited)|newsletter abonnieren|jetzt abonnieren|abonnieren sie|melden sie sich|inscrivez-vous|abonnez-vous|suscríbete|suscribete|regístrate|iscriviti|abbonati|assine|inscreva-se|schrijf je in|abonneer|meld je aan|подпишитесь|подписаться)\b.*$",
        "subscribe and sign-up prompts, paywall teasers"),
    phrase!("newsletter-inline", Newsletter, "en", 300, Anywhere,
        r"(?i)\b(?:sign up|subscribe|register) (?:for|to) (?:our|the|my) (?:[\p{L}\-]+ ){0,3}(?:newsletter|mailing list|daily|weekly|briefing|digest)\b",
        "\"... sign up for our free daily newsletter\" inside a short prompt"),
    phrase!("newsletter-sign-up-for", Newsletter, "*", 300, Anywhere,
        r"(?i)\b(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|mailing list|inbox)\b",
        "\"Sign up for The Water Coolest today to get the free daily newsletter\""),
    // ---- author bios
    phrase!("bio-heading", AuthorBio, "*", 50, Anywhere,
        r"^(?i:about the author|about the writer|about the authors|author bio|über den autor|über die autorin|zum autor|zur autorin|à propos de l'auteur|l'auteur|sobre el autor|sobre la autora|sobre o autor|l'autore|over de auteur|об авторе)\s*:?$",
        "the heading of an author box"),
    phrase!("bio-sentence", AuthorBio, "en", 1500, Tail,
        r"^\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){0,3}\s*(?:,\s*(?:a|an|the|our)\b|\s+(?:is|was|has been|writes|covers|reports)\b).{0,120}\b(?i:writer|journalist|reporter|editor|correspondent|author|contributor|columnist|blogger|freelancer|freelance|analyst|enthusiast|photographer|producer|graduate|degree|expert|specialist)\b",
        "\"Jane Doe, a dynamic blog writer ...\" / \"Jane Doe is a reporter ...\" in the article's last blocks"),
    phrase!("bio-contact", AuthorBio, "*", 160, Anywhere,
        r"^(?i:write to|contact|email|e-mail|reach|contact the author|kontakt)\s+.{1,60}\s+(?:at|via|unter|à)\s+\S+@\S+\.\S+?\.?$",
        "\"Write to Al Root at allen.root@dowjones.com\""),
    phrase!("bio-greeting", AuthorBio, "*", 600, Tail,
        r"^(?i:hi|hello|hey|hallo|bonjour|hola|ciao|olá)[,!]? (?i:i'm|i am|ich bin|je suis|soy|sono|sou|ik ben) \p{Lu}",
        "\"Hi, I'm Bea! ...\" blogger bios at the end of a post"),
    // ---- syndication and wire notices
    phrase!("syndication-notice", Syndication, "*", 400, Anywhere,
        r"(?i)\b(?:auto-generated from a syndicated feed|has not been edited by .{1,60} staff|(?:published|generated) from (?:a|an) (?:syndicated|wire|agency) feed|republished (?:here )?(?:with permission|under a creative commons)|this (?:story|article|report|post) (?:was|has been|is) (?:originally )?(?:published|republished|syndicated) (?:by|on|in|from|with)|(?:this|the) (?:story|article) (?:first|originally) appeared (?:on|in)|originally published (?:on|in|at|by)|distributed by (?:the )?(?:associated press|reuters|afp|dpa)|with inputs from (?:agencies|pti|ians|reuters|ap|afp)|(?:automatisch|automatically) (?:overgenomen|übernommen|generated|imported|aggregated)|(?:wurde|is|was) automatisch (?:erstellt|gegenereerd)|ist zuerst (?:erschienen|bei)|est paru initialement|fue publicado originalmente|foi publicado originalmente|è stato pubblicato originariamente)\b",
        "wire and feed notices"),
    // ---- cookies
    phrase!("cookie-text", CookieNotice, "*", 700, Anywhere,
        r"(?i)\b(?:we use cookies|this (?:web)?site uses cookies|uses cookies to|use of cookies|cookie policy|cookie settings|cookie preferences|accept (?:all )?cookies|manage cookies|by continuing to (?:use|browse)|wir verwenden cookies|diese website verwendet cookies|nous utilisons des cookies|ce site utilise des cookies|utilizamos cookies|este sitio (?:web )?utiliza cookies|usiamo i cookie|utilizziamo i cookie|utilizamos cookies|wij gebruiken cookies|deze website gebruikt cookies|мы используем (?:файлы )?cookie)\b",
        "consent banners"),
    // ---- advertisement labels
    phrase!("ad-label", Advertisement, "*", 60, Anywhere,
        r"^(?i:advertisement|advertisements|advert|ad|ads|sponsored|sponsored content|paid content|paid post|promoted|promoted content|anzeige|werbung|publicité|publicite|publicidad|pubblicità|publicidade|advertentie|реклама|story continues below(?: this)? advertisement|article continues below(?: advertisement)?|continue reading (?:the main story|below)|scroll to continue(?: with content)?|advertisement - scroll to continue|content continues below)\s*[:.]?$",
        "\"Advertisement\" labels and \"story continues below\" lines"),
    phrase!("ad-affiliate-disclosure", Advertisement, "en", 250, Anywhere,
        r"(?i)\b(?:(?:this|the) (?:post|article|page|site) (?:may )?contains? affiliate links|we may earn (?:a )?commission|as an amazon associate)\b",
        "affiliate disclosures"),
    phrase!("newsletter-donation", Newsletter, "en", 300, Anywhere,
        r"(?i)\b(?:reader-supported|reader-funded|make a (?:monthly )?donation|consider (?:making )?a (?:monthly )?donation|donate (?:now|today)|become a (?:patron|supporter))\b",
        "donation prompts, a paywall's cousin"),
    // ---- comments
    phrase!("comments-heading", Comments, "*", 80, Anywhere,
        r"^(?:\d+\s+)?(?i:(?:reader |readers' |your )?comments?|responses?|replies|réactions|reacties|reactions|leave a (?:comment|reply)|post a comment|add (?:a|your) comment|join the (?:conversation|discussion)|show comments|view comments|load comments|comments are closed|be the first to comment|kommentare|kommentar schreiben|commentaires|laisser un commentaire|comentarios|deja un comentario|commenti|lascia un commento|comentários|deixe um comentário|reageer|комментарии|leave a reply|post comment|los comentarios están sujetos a moderación.*|comments are moderated.*|\d+\s+(?:responses?|comments?|replies|thoughts|reactions)\s+(?:to|on|for)\s.*)\s*(?:\(\d+\)|\d+)?\s*:?$",
        "comment section headings; \"Comments made by the minister ...\" is a sentence and stays"),
    phrase!("comments-author-says", Comments, "en", 60, Anywhere,
        r"^\S.{0,40}\s(?:says|said|wrote|replied):$",
        "\"joetoronto says:\" opening each comment"),
    // ---- taxonomy
    phrase!("taxonomy-label", Taxonomy, "*", 300, Anywhere,
        r"^(?i:tags?|tagged(?: with)?|filed under|categories|category|topics?|posted in|more on|keywords|schlagwörter|schlagworte|themen|étiquettes|mots-clés|mots clés|thèmes|etiquetas|temas|argomenti|assuntos|onderwerpen|trefwoorden|теги|метки|темы)\s*:.*$",
        "\"Tags: a, b, c\", \"Filed under: ...\""),
    phrase!("taxonomy-heading", Taxonomy, "*", 30, Anywhere,
        r"^(?i:tags|topics|categories|schlagwörter|themen|étiquettes|etiquetas|temas|argomenti|onderwerpen|теги)$",
        "a bare \"Tags\" heading"),
    // ---- navigation
    phrase!("nav-skip", Navigation, "*", 100, Anywhere,
        r"^(?i:skip to (?:main )?(?:content|navigation|search)|jump to (?:content|navigation)|zum inhalt springen|aller au contenu|ir al contenido|vai al contenuto|back to top|go to top|nach oben|retour en haut|volver arriba|torna su|voltar ao topo|naar boven|наверх|(?:previous|next) (?:article|post|story|page)|older posts|newer posts|you are here:?|menu|close menu|open menu|main menu|toggle navigation|search|home|print|load more|show more|print article|print this article|print this page|order reprints|reprints|text size|font size|email this article|from|to)\s*[:»›]?$",
        "skip links, back-to-top, pagination and menu labels"),
    phrase!("nav-link-row", Navigation, "en", 120, Anywhere,
        r"^(?:(?i:back to top|back to [\p{L} ]{1,20}|home|top|next|previous|prev|print|up|jump to recipe|print recipe|save recipe|skip to recipe|rate this recipe|pin (?:this|it)(?: recipe)?(?: for later)?)\s*[|·•»›]?\s*)+$",
        "rows of navigation links: \"Back to top | Back to Articles | Home\", \"Jump to Recipe\""),
    phrase!("nav-breadcrumb", Navigation, "*", 160, Anywhere,
        r"^(?i:home|startseite|accueil|inicio|início|главная)\s*[›»>/|]\s*.*$",
        "breadcrumbs"),
    phrase!("raw-markup", LowContent, "*", 400, Anywhere,
        r"^<[a-zA-Z!/][^>]*>.*$",
        "markup shown as text (an escaped tracking pixel): never article prose"),
    // ---- captions
    phrase!("caption-credit", Caption, "*", 120, Anywhere,
        r"^(?i:photo|photos|photograph|image|images|picture|pictured|credit|photo credit|image credit|source|foto|fotos|bild|bildquelle|crédit photo|crédits photo|imagen|immagine|afbeelding|фото)\s*(?:credit)?\s*:\s*.{1,100}$",
        "\"Photo: Hau Dinh, AP\", \"Credit: ESA\""),
    phrase!("caption-controls", Caption, "*", 30, Anywhere,
        r"^(?i:caption|close|hide caption|show caption|toggle caption|expand|enlarge this image|view gallery|open gallery|\d+\s*(?:/|of)\s*\d+)$",
        "photo-viewer controls"),
    // ---- site notices
    phrase!("notice-browser", CookieNotice, "en", 300, Anywhere,
        r"(?i)\b(?:you are (?:using|on) (?:an? )?(?:outdated|old|older|unsupported)? ?(?:browser|internet explorer)|we've detected you are on internet explorer|detected you are (?:using|on) internet explorer|please (?:update|upgrade) your browser|your browser is (?:out of date|not supported)|enable javascript|javascript is (?:disabled|required))\b",
        "browser-support and JavaScript banners, shown in the consent banner's slot"),
    // ---- footer
    phrase!("footer-copyright", Footer, "*", 250, Anywhere,
        r"^(?:©|\(c\)|(?i:copyright)\b).*$",
        "copyright lines"),
    phrase!("footer-rights", Footer, "*", 250, Anywhere,
        r"(?i)\b(?:all rights reserved|for your personal,? non-commercial use only|this (?:document|article|material) is subject to copyright|no part (?:of this|may be) reproduced|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|все права защищены)\b",
        "\"All rights reserved\""),
    phrase!("footer-site-credits", Footer, "en", 200, Anywhere,
        r"(?i)\b(?:best viewed (?:at|in|with)|you are visitor(?: number)?|site (?:designed|built|developed) by|powered by (?:wordpress|blogger|drupal|ghost|squarespace|wix))\b",
        "old-web footer credits and hit counters"),
    phrase!("footer-links", Footer, "*", 200, Anywhere,
        r"^(?:(?i:privacy policy|privacy|terms of (?:use|service)|terms and conditions|terms|contact us|contact|about us|about|advertise(?: with us)?|careers|sitemap|accessibility|cookie policy|impressum|datenschutz|kontakt|mentions légales|aviso legal|privacidad|política de privacidad|contacto|contato|contatti|privacy|cookies|accesibilidad|accessibilité|barrierefreiheit)[\s,|·•/]*){1,}$",
        "footer link rows"),
    phrase!("shop-controls", Navigation, "*", 40, Anywhere,
        r"^(?i:add to (?:cart|bag|basket|wishlist|wish list|favou?rites)|buy now|quantity|qty|select (?:a )?size|choose (?:a )?size|size guide|size chart|find your size|write a review|show more|show less|show more \+ show less –?|view more|load more|sort by|sort|filter|filters|refine by|compare|clear all|notify me|in den warenkorb|ajouter au panier|añadir al carrito|aggiungi al carrello|in winkelwagen)\s*[:+–\-]?$",
        "shop and listing controls (buttons and labels) left as text"),
];
