<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_BE" sourcelanguage="en_GB">
<context>
    <name>ActionBar</name>
    <message>
        <source>Preparing badge %1…</source>
        <translation>Préparation du badge %1…</translation>
    </message>
    <message>
        <source>Sending badge %1 to the printer…</source>
        <translation>Envoi du badge %1 à l&apos;imprimante…</translation>
    </message>
    <message>
        <source>Printing badge %1…</source>
        <translation>Impression du badge %1…</translation>
    </message>
    <message>
        <source>✓ Badge %1 printed: hand it over.</source>
        <translation>✓ Badge %1 imprimé&#xa0;: remettez-le.</translation>
    </message>
    <message>
        <source>&amp;Issue badge  [%1]</source>
        <translation>&amp;Remettre le badge  [%1]</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Issue the badge and print it</source>
        <translation>Remettre le badge et l&apos;imprimer</translation>
    </message>
    <message>
        <source>Supervisor o&amp;verride…</source>
        <translation>&amp;Dérogation du superviseur…</translation>
    </message>
    <message>
        <source>A supervisor accepts the doubtful case</source>
        <translation>Un superviseur accepte le cas douteux</translation>
    </message>
    <message>
        <source>&amp;Retry printing</source>
        <translation>Réessa&amp;yer l&apos;impression</translation>
    </message>
    <message>
        <source>Ne&amp;xt person  [%1]</source>
        <translation>Personne suivan&amp;te  [%1]</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Clear the screen for the next person</source>
        <translation>Vider l&apos;écran pour la personne suivante</translation>
    </message>
    <message>
        <source>Print progress</source>
        <translation>Avancement de l&apos;impression</translation>
    </message>
</context>
<context>
    <name>Applicant</name>
    <message>
        <source>approved</source>
        <translation>approuvée</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejetée</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirée</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>révoquée</translation>
    </message>
    <message>
        <source>writer</source>
        <translation>rédacteur</translation>
    </message>
    <message>
        <source>photographer</source>
        <translation>photographe</translation>
    </message>
    <message>
        <source>camera operator</source>
        <translation>caméraman</translation>
    </message>
    <message>
        <source>radio</source>
        <translation>radio</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>technicien</translation>
    </message>
    <message>
        <source>passport</source>
        <translation>passeport</translation>
    </message>
    <message>
        <source>identity card</source>
        <translation>carte d&apos;identité</translation>
    </message>
    <message>
        <source>signed code, verified</source>
        <translation>code signé, vérifié</translation>
    </message>
    <message>
        <source>typed reference, not verified</source>
        <translation>référence tapée, non vérifiée</translation>
    </message>
    <message>
        <source>code not genuine</source>
        <translation>code non authentique</translation>
    </message>
    <message>
        <source>code of another event</source>
        <translation>code d&apos;un autre événement</translation>
    </message>
    <message>
        <source>code of another accreditation kind</source>
        <translation>code d&apos;un autre type d&apos;accréditation</translation>
    </message>
</context>
<context>
    <name>ApplicantPanel</name>
    <message>
        <source>Applicant</source>
        <translation>Candidat</translation>
    </message>
    <message>
        <source>Photo in the application</source>
        <translation>Photo de la demande</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Document expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Press credential</source>
        <translation>Presse</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Délivré par</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Accreditation</source>
        <translation>Accréditation</translation>
    </message>
    <message>
        <source>Pool position</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>No applicant</source>
        <translation>Aucun candidat</translation>
    </message>
    <message>
        <source>Scan the printout, or type a reference or a name.</source>
        <translation>Scannez la confirmation imprimée, ou tapez une référence ou un nom.</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>YES — pool position</source>
        <translation>OUI — place de pool</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>editor&apos;s letter</source>
        <translation>lettre de la rédaction</translation>
    </message>
    <message>
        <source>press card %1</source>
        <translation>carte de presse %1</translation>
    </message>
    <message>
        <source>The applicant&apos;s photo</source>
        <translation>La photo du candidat</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Pas de photo</translation>
    </message>
</context>
<context>
    <name>BadgesPage</name>
    <message>
        <source>for example M-000042 or DM24-000285</source>
        <translation>par exemple M-000042 ou DM24-000285</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Chercher</translation>
    </message>
    <message>
        <source>Supervisor decision</source>
        <translation>Décision du superviseur</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>M&amp;otif&#xa0;:</translation>
    </message>
    <message>
        <source>required, for example: badge lost</source>
        <translation>obligatoire, par exemple&#xa0;: badge perdu</translation>
    </message>
    <message>
        <source>&amp;Badge serial or reference:</source>
        <translation>Numéro de &amp;badge ou référence&#xa0;:</translation>
    </message>
    <message>
        <source>Supervisor lo&amp;gin:</source>
        <translation>&amp;Identifiant du superviseur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>Code PI&amp;N&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reprint badge</source>
        <translation>&amp;Réimprimer le badge</translation>
    </message>
    <message>
        <source>&amp;Void badge</source>
        <translation>Ann&amp;uler le badge</translation>
    </message>
    <message>
        <source>No badge chosen.</source>
        <translation>Aucun badge choisi.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>void (no longer valid)</source>
        <translation>annulé (n&apos;est plus valable)</translation>
    </message>
    <message>
        <source>Badge %1 (%2) of %3 %4; issued %5 at desk %6 by %7; %8.</source>
        <translation>Badge %1 (%2) de %3 %4&#xa0;; remis le %5 au poste %6 par %7&#xa0;; %8.</translation>
    </message>
    <message>
        <source>No badge with that serial, and no active badge for that reference.</source>
        <translation>Aucun badge avec ce numéro, et aucun badge actif pour cette référence.</translation>
    </message>
    <message>
        <source>Find the badge first.</source>
        <translation>Cherchez d&apos;abord le badge.</translation>
    </message>
    <message>
        <source>Give the reason: it goes into the log.</source>
        <translation>Indiquez le motif&#xa0;: il figure dans le journal.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Wait %1 seconds, then try again.</source>
        <translation>Trop de codes PIN erronés. Attendez %1 secondes, puis réessayez.</translation>
    </message>
    <message>
        <source>Not accepted: this is not a supervisor&apos;s login and PIN.</source>
        <translation>Refusé&#xa0;: ce ne sont pas l&apos;identifiant et le code PIN d&apos;un superviseur.</translation>
    </message>
    <message>
        <source>Printing a new badge to replace %1…</source>
        <translation>Impression d&apos;un nouveau badge pour remplacer %1…</translation>
    </message>
    <message>
        <source>Badge %1 is void. The person can be served again at the check-in screen.</source>
        <translation>Le badge %1 est annulé. La personne peut être servie à nouveau à l&apos;écran d&apos;accueil.</translation>
    </message>
    <message>
        <source>New badge %1 printed; badge %2 is void.</source>
        <translation>Nouveau badge %1 imprimé&#xa0;; le badge %2 est annulé.</translation>
    </message>
    <message>
        <source>Badge %1 is void, but the new badge did not print (%2). Serve the person again at the check-in screen.</source>
        <translation>Le badge %1 est annulé, mais le nouveau badge ne s&apos;est pas imprimé (%2). Servez à nouveau la personne à l&apos;écran d&apos;accueil.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Non effectué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>READY FOR THE NEXT PERSON</source>
        <translation>PRÊT POUR LA PERSONNE SUIVANTE</translation>
    </message>
    <message>
        <source>Scan the confirmation printout, or look the person up by reference or name.</source>
        <translation>Scannez la confirmation imprimée, ou cherchez la personne par référence ou par nom.</translation>
    </message>
    <message>
        <source>LOOKING UP…</source>
        <translation>RECHERCHE…</translation>
    </message>
    <message>
        <source>Check the ID document, the press card or editor&apos;s letter, and the face; then press Enter.</source>
        <translation>Vérifiez la pièce d&apos;identité, la carte de presse ou la lettre de la rédaction, et le visage&#xa0;; puis appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>Note: %1 (in the application); a newer document needs a supervisor.</source>
        <translation>Remarque&#xa0;: %1 (dans la demande)&#xa0;; un document plus récent nécessite un superviseur.</translation>
    </message>
    <message>
        <source>CHECK ID</source>
        <translation>VÉRIFIER L&apos;IDENTITÉ</translation>
    </message>
    <message>
        <source>Call a supervisor or security now; keep the printout and do not argue.</source>
        <translation>Appelez tout de suite un superviseur ou la sécurité&#xa0;; gardez le document imprimé et ne discutez pas.</translation>
    </message>
    <message>
        <source>Send them to the %1.</source>
        <translation>Envoyez la personne à l&apos;%1.</translation>
    </message>
    <message>
        <source>A supervisor may accept it (Supervisor override…); otherwise no badge.</source>
        <translation>Un superviseur peut l&apos;accepter (Dérogation du superviseur…)&#xa0;; sinon, pas de badge.</translation>
    </message>
    <message>
        <source>No badge.</source>
        <translation>Pas de badge.</translation>
    </message>
    <message>
        <source>Badge %1 printed: hand it over.</source>
        <translation>Badge %1 imprimé&#xa0;: remettez-le.</translation>
    </message>
    <message>
        <source>TAKE CARD %1 FROM BOX %2, SLOT %3</source>
        <translation>PRENEZ LA CARTE %1 DANS LA BOÎTE %2, CASE %3</translation>
    </message>
    <message>
        <source>All checks passed. Check that the name on the card is this person&apos;s.</source>
        <translation>Tous les contrôles sont passés. Vérifiez que le nom sur la carte est celui de la personne.</translation>
    </message>
    <message>
        <source>Scan the card&apos;s barcode to hand it over (or type %1 in the look-up field and press Enter).</source>
        <translation>Scannez le code-barres de la carte pour la remettre (ou tapez %1 dans le champ de recherche et appuyez sur Entrée).</translation>
    </message>
    <message>
        <source>CARD %1 HANDED OVER</source>
        <translation>CARTE %1 REMISE</translation>
    </message>
    <message>
        <source>Card %1 handed over: give it to the person.</source>
        <translation>Carte %1 remise&#xa0;: donnez-la à la personne.</translation>
    </message>
    <message>
        <source>Put %1 back. This person&apos;s card is %2, in box %3, slot %4: scan that one.</source>
        <translation>Remettez la %1 à sa place. La carte de cette personne est la %2, boîte %3, case %4&#xa0;: scannez celle-là.</translation>
    </message>
    <message>
        <source>Card %1 was scanned: put it back where it came from.</source>
        <translation>La carte %1 a été scannée&#xa0;: remettez-la à sa place.</translation>
    </message>
    <message>
        <source>Card %1 in box %2, slot %3 must NOT be handed over: give it to a supervisor to void.</source>
        <translation>La carte %1 (boîte %2, case %3) ne doit PAS être remise&#xa0;: donnez-la à un superviseur, qui l&apos;annule.</translation>
    </message>
    <message>
        <source>No badge unless a supervisor has seen the person and confirms who they are.</source>
        <translation>Pas de badge, sauf si un superviseur a vu la personne et confirme son identité.</translation>
    </message>
    <message>
        <source>If they do, tick “Face matches the photo” and press Enter; otherwise press Escape.</source>
        <translation>Si c&apos;est le cas, cochez «&#xa0;Visage conforme à la photo&#xa0;» et appuyez sur Entrée&#xa0;; sinon, appuyez sur Échap.</translation>
    </message>
    <message>
        <source>PRINT FAILED — NOT SERVED</source>
        <translation>ÉCHEC DE L&apos;IMPRESSION — NON SERVI</translation>
    </message>
    <message>
        <source>Badge %1 did not print: %2</source>
        <translation>Le badge %1 ne s&apos;est pas imprimé&#xa0;: %2</translation>
    </message>
    <message>
        <source>The person has NOT been served and has no badge.</source>
        <translation>La personne n&apos;a PAS été servie et n&apos;a pas de badge.</translation>
    </message>
    <message>
        <source>Fix the printer, then press Enter (Retry printing); or Escape to stop.</source>
        <translation>Réparez l&apos;imprimante, puis appuyez sur Entrée (Réessayer l&apos;impression)&#xa0;; ou sur Échap pour arrêter.</translation>
    </message>
    <message>
        <source>CANNOT CHECK IN</source>
        <translation>ENREGISTREMENT IMPOSSIBLE</translation>
    </message>
    <message>
        <source>%1: check the printout and the ID with extra care.</source>
        <translation>%1&#xa0;: vérifiez la confirmation imprimée et la pièce d&apos;identité avec un soin particulier.</translation>
    </message>
</context>
<context>
    <name>Cards</name>
    <message>
        <source>%1 is not a card&apos;s serial (M-000123): scan the card again. Nothing changed.</source>
        <translation>%1 n&apos;est pas le numéro d&apos;une carte (M-000123) : scannez la carte à nouveau. Rien n&apos;a changé.</translation>
    </message>
    <message>
        <source>%1 is a badge printed at a desk for %2: there is no card to hand over.</source>
        <translation>%1 est un badge imprimé à un poste pour %2&#xa0;: il n&apos;y a pas de carte à remettre.</translation>
    </message>
    <message>
        <source>%1 is no card of this event&apos;s stock: give it to a supervisor.</source>
        <translation>%1 n&apos;est pas une carte du stock de cet événement&#xa0;: donnez-la à un superviseur.</translation>
    </message>
    <message>
        <source>Card %1 of %2 was handed over on %3: nothing to do.</source>
        <translation>La carte %1 de %2 a été remise le %3&#xa0;: rien à faire.</translation>
    </message>
    <message>
        <source>Card %1 of %2 is void (%3): it must not be handed over; give it to a supervisor.</source>
        <translation>La carte %1 de %2 est annulée (%3)&#xa0;: elle ne doit pas être remise&#xa0;; donnez-la à un superviseur.</translation>
    </message>
    <message>
        <source>Card %1 of %2 must NOT be handed over (the list changed since it was printed): give it to a supervisor.</source>
        <translation>La carte %1 de %2 ne doit PAS être remise (la liste a changé depuis son impression) : donnez-la à un superviseur.</translation>
    </message>
    <message>
        <source>Card %1 belongs to %2; it goes in box %3, slot %4. Nothing was handed over: scan that person&apos;s printout first.</source>
        <translation>La carte %1 appartient à %2&#xa0;; elle se range dans la boîte %3, case %4. Rien n&apos;a été remis&#xa0;: scannez d&apos;abord la confirmation de cette personne.</translation>
    </message>
    <message>
        <source>reserved, not printed</source>
        <translation>réservée, non imprimée</translation>
    </message>
    <message>
        <source>in its box</source>
        <translation>dans sa boîte</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>remise</translation>
    </message>
    <message>
        <source>void</source>
        <translation>annulée</translation>
    </message>
</context>
<context>
    <name>CheckinController</name>
    <message>
        <source>unexpected error (%1): %2</source>
        <translation>erreur inattendue (%1)&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>CheckinScreen</name>
    <message>
        <source>%1 found for “%2” — Down arrow to choose, Enter to look up</source>
        <translation>Résultats pour «&#xa0;%2&#xa0;»&#xa0;: %1 — flèche bas pour choisir, Entrée pour consulter</translation>
    </message>
    <message>
        <source>Nobody found for “%1”.</source>
        <translation>Personne n&apos;a été trouvé pour «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Décision</translation>
    </message>
</context>
<context>
    <name>CheckinView</name>
    <message>
        <source>The desk was locked: the supervisor&apos;s acceptance was dropped. Scan the printout again.</source>
        <translation>Le poste a été verrouillé&#xa0;: l&apos;accord du superviseur est abandonné. Scannez à nouveau la confirmation.</translation>
    </message>
    <message>
        <source>Finish the supervisor override first; the scan was not used.</source>
        <translation>Terminez d&apos;abord la dérogation du superviseur&#xa0;; le scan n&apos;a pas été utilisé.</translation>
    </message>
    <message>
        <source>Open a scanned printout</source>
        <translation>Ouvrir une confirmation scannée</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>That printout is the one on screen.</source>
        <translation>Cette confirmation est celle qui est à l&apos;écran.</translation>
    </message>
    <message>
        <source>Waiting for card %1 (box %2, slot %3): scan it to hand it over.</source>
        <translation>En attente de la carte %1 (boîte %2, case %3)&#xa0;: scannez-la pour la remettre.</translation>
    </message>
    <message>
        <source>Wait: the desk is still checking. Scan the card again when it answers.</source>
        <translation>Attendez : le poste vérifie encore. Scannez la carte à nouveau quand il a répondu.</translation>
    </message>
    <message>
        <source>Passport zone not taken: the documents were checked; scan the card.</source>
        <translation>Zone du passeport non prise : les documents ont été vérifiés ; scannez la carte.</translation>
    </message>
    <message>
        <source>The passport zone does not read correctly: read it again, or type the number.</source>
        <translation>La zone du passeport ne se lit pas correctement&#xa0;: relisez-la, ou tapez le numéro.</translation>
    </message>
    <message>
        <source>Passport read. Now scan the printout (or look the person up).</source>
        <translation>Passeport lu. Scannez maintenant la confirmation imprimée (ou cherchez la personne).</translation>
    </message>
    <message>
        <source>Passport read.</source>
        <translation>Passeport lu.</translation>
    </message>
    <message>
        <source>Badge %1 is still printing; its result will show here.</source>
        <translation>Le badge %1 est encore en cours d&apos;impression&#xa0;; son résultat s&apos;affichera ici.</translation>
    </message>
    <message>
        <source>Before issuing: %1.</source>
        <translation>Avant de remettre le badge&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Now the face: Enter if it matches.</source>
        <translation>Le visage&#xa0;: Entrée s&apos;il correspond.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Card %1 handed over.</source>
        <translation>Carte %1 remise.</translation>
    </message>
    <message>
        <source>Badge %1 printed.</source>
        <translation>Badge %1 imprimé.</translation>
    </message>
    <message>
        <source>Badge %1 did not print (%2): that person is NOT served.</source>
        <translation>Le badge %1 ne s&apos;est pas imprimé (%2)&#xa0;: cette personne n&apos;est PAS servie.</translation>
    </message>
    <message>
        <source>The unfinished check-in was not logged: %1</source>
        <translation>L&apos;enregistrement inachevé n&apos;a pas été consigné au journal&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Non effectué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>CloseStockDialog</name>
    <message>
        <source>Close the stock of cards</source>
        <translation>Clôturer le stock de cartes</translation>
    </message>
    <message numerus="yes">
        <source>At the end of the event: the %n card(s) still waiting (in a box or never printed) are recorded as destroyed unclaimed, and the stock is signed off in your name. This cannot be undone.</source>
        <translation>
            <numerusform>À la fin de l&apos;événement&#xa0;: la %n carte encore en attente (en boîte ou jamais imprimée) est enregistrée comme détruite, non réclamée, et le stock est clôturé à votre nom. C&apos;est irréversible.</numerusform>
            <numerusform>À la fin de l&apos;événement&#xa0;: les %n cartes encore en attente (en boîte ou jamais imprimées) sont enregistrées comme détruites, non réclamées, et le stock est clôturé à votre nom. C&apos;est irréversible.</numerusform>
        </translation>
    </message>
    <message>
        <source>I have &amp;counted the boxes and destroy the cards left in them</source>
        <translation>J&apos;ai &amp;compté les boîtes et je détruis les cartes qui y restent</translation>
    </message>
    <message>
        <source>Close the &amp;stock</source>
        <translation>Clôturer le &amp;stock</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Non effectué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>CountsPage</name>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendus</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Servis</translation>
    </message>
    <message>
        <source>Still to come</source>
        <translation>Restants</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Badges, %1</source>
        <translation>Badges, %1</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Passages</translation>
    </message>
    <message>
        <source>Redirected</source>
        <translation>Réorientés</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Supervisor needed</source>
        <translation>Superviseur requis</translation>
    </message>
    <message>
        <source>Badges per kind and entrance (whole event)</source>
        <translation>Badges par type et par entrée (tout l&apos;événement)</translation>
    </message>
    <message>
        <source>Today, hour by hour</source>
        <translation>Aujourd&apos;hui, heure par heure</translation>
    </message>
    <message>
        <source>Badges per kind and entrance</source>
        <translation>Badges par type et par entrée</translation>
    </message>
    <message>
        <source>Updated at %1; refreshed every 30 seconds and after each check-in (F5 refreshes now).</source>
        <translation>Mis à jour à %1&#xa0;; actualisé toutes les 30 secondes et après chaque passage (F5 actualise tout de suite).</translation>
    </message>
</context>
<context>
    <name>DeskMenus</name>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Poste</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>&amp;Superviseur</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Search by name or reference</source>
        <translation>&amp;Rechercher par nom ou référence</translation>
    </message>
    <message>
        <source>&amp;Check-in screen</source>
        <translation>Écran d&apos;&amp;accueil</translation>
    </message>
    <message>
        <source>&amp;Lock the desk</source>
        <translation>&amp;Verrouiller le poste</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Supervisor &amp;sign-in…</source>
        <translation>&amp;Connexion superviseur…</translation>
    </message>
    <message>
        <source>Close the supervisor &amp;area</source>
        <translation>&amp;Fermer l&apos;espace superviseur</translation>
    </message>
    <message>
        <source>Live &amp;counts</source>
        <translation>Comptages en &amp;direct</translation>
    </message>
    <message>
        <source>Check-in &amp;log</source>
        <translation>&amp;Journal des passages</translation>
    </message>
    <message>
        <source>S&amp;taff</source>
        <translation>&amp;Personnel</translation>
    </message>
    <message>
        <source>&amp;Reprint or void a badge</source>
        <translation>&amp;Réimprimer ou annuler un badge</translation>
    </message>
    <message>
        <source>Cards printed in advance (stoc&amp;k)</source>
        <translation>Cartes imprimées à l&apos;avance (&amp;stock)</translation>
    </message>
    <message>
        <source>&amp;Pre-print cards…</source>
        <translation>Pré-imprimer des car&amp;tes…</translation>
    </message>
    <message>
        <source>&amp;Export the day&apos;s log…</source>
        <translation>&amp;Exporter le journal du jour…</translation>
    </message>
    <message>
        <source>&amp;Import the accreditation list…</source>
        <translation>&amp;Importer la liste d&apos;accréditation…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About the desk</source>
        <translation>À &amp;propos du poste</translation>
    </message>
</context>
<context>
    <name>DeskStartup</name>
    <message>
        <source>Scan not taken: log in first.</source>
        <translation>Scan non pris en compte&#xa0;: connectez-vous d&apos;abord.</translation>
    </message>
    <message>
        <source>Demo desk: log in as %1 with PIN %2.</source>
        <translation>Poste de démonstration&#xa0;: connectez-vous en tant que %1 avec le code PIN %2.</translation>
    </message>
    <message>
        <source>The applicants&apos; confirmation printouts, to scan or open, are in %1.</source>
        <translation>Les confirmations imprimées des candidats, à scanner ou à ouvrir, sont dans %1.</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>%1 · desk %2</source>
        <translation>%1 · poste %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>supervisor area opened by %1</source>
        <translation>espace superviseur ouvert par %1</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>Imprimante&#xa0;: %1</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Staff at the desk</source>
        <translation>Personnel au poste</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>Event time</source>
        <translation>Heure de l&apos;événement</translation>
    </message>
    <message>
        <source>PDF files in %1</source>
        <translation>fichiers PDF dans %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the day&apos;s log</source>
        <translation>Exporter le journal du jour</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Jour&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>&amp;CSV file (for spreadsheets)</source>
        <translation>Fichier &amp;CSV (pour les tableurs)</translation>
    </message>
    <message>
        <source>&amp;PDF report (totals per entrance, desk, hour and reason)</source>
        <translation>Rapport &amp;PDF (totaux par entrée, poste, heure et motif)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Avancement de l&apos;export</translation>
    </message>
    <message>
        <source>The export is still running; close this window when it is done.</source>
        <translation>L&apos;export est en cours&#xa0;; fermez cette fenêtre quand il sera terminé.</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Exporter dans le dossier</translation>
    </message>
    <message>
        <source>Tick CSV, PDF or both.</source>
        <translation>Cochez CSV, PDF ou les deux.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Writing the CSV file…</source>
        <translation>Écriture du fichier CSV…</translation>
    </message>
    <message>
        <source>Writing the PDF report…</source>
        <translation>Écriture du rapport PDF…</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L&apos;export a échoué&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported. Saved as:</source>
        <translation>
            <numerusform>%n entrée exportée. Enregistré sous&#xa0;:</numerusform>
            <numerusform>%n entrées exportées. Enregistré sous&#xa0;:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Everything at the desk works from the keyboard. A scan goes where it belongs wherever the cursor is, and is never typed into a field: a printout&apos;s code starts a check-in (this window closes for it), a passport zone fills the ID check. While a form or a PIN is asked for, or the desk is locked, a scan is not used; the status bar says so and the log keeps it. At the ID check the cursor goes where the next step is: type the press card&apos;s last four characters (or all of it), then Enter on “Face matches the photo” once you have compared the face. Enter on a name looks up the one person found. Tab moves between fields, Enter confirms, Esc closes a window.</source>
        <translation>Tout se fait au clavier. Un scan va là où il doit aller, où que soit le curseur, et n&apos;est jamais saisi dans un champ&#xa0;: le code d&apos;une confirmation imprimée lance un enregistrement (cette fenêtre se ferme pour lui), une zone de passeport remplit le contrôle d&apos;identité. Pendant qu&apos;un formulaire ou un PIN est demandé, ou que le poste est verrouillé, un scan n&apos;est pas utilisé&#xa0;: la barre d&apos;état le dit et le journal le garde. Au contrôle d&apos;identité, le curseur va là où est l&apos;étape suivante&#xa0;: tapez les quatre derniers caractères de la carte de presse (ou tout le numéro), puis Entrée sur «&#xa0;Visage conforme à la photo&#xa0;» une fois le visage comparé. Entrée sur un nom ouvre la seule personne trouvée. Tab passe d&apos;un champ à l&apos;autre, Entrée confirme, Échap ferme une fenêtre.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>IdCheckPanel</name>
    <message>
        <source>the document number (or the passport read by the reader)</source>
        <translation>le numéro du document (ou le passeport lu par le lecteur)</translation>
    </message>
    <message>
        <source>the press card number (or the editor&apos;s letter ticked)</source>
        <translation>le numéro de la carte de presse (ou la lettre de la rédaction cochée)</translation>
    </message>
    <message>
        <source>“Face matches the photo” ticked</source>
        <translation>«&#xa0;Visage conforme à la photo&#xa0;» coché</translation>
    </message>
    <message>
        <source>expires too soon</source>
        <translation>expire trop tôt</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>concorde</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>non saisi</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>non lu</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>diffère</translation>
    </message>
    <message>
        <source>✗ not read correctly: %1. Read it again or type the number.</source>
        <translation>✗ mal lue&#xa0;: %1. Relisez-la ou tapez le numéro.</translation>
    </message>
    <message>
        <source>ID check</source>
        <translation>Contrôle d&apos;identité</translation>
    </message>
    <message>
        <source>✓ read (%1), check digits hold</source>
        <translation>✓ %1 lue, contrôles corrects</translation>
    </message>
    <message>
        <source>ID document: passport &amp;zone</source>
        <translation>Pièce d&apos;identité&#xa0;: &amp;zone</translation>
    </message>
    <message>
        <source>Machine-readable zone of the passport or ID card</source>
        <translation>Zone de lecture automatique du passeport ou de la carte d&apos;identité</translation>
    </message>
    <message>
        <source>the passport reader types it here</source>
        <translation>le lecteur de passeport la tape ici</translation>
    </message>
    <message>
        <source>Document &amp;number</source>
        <translation>&amp;Numéro du document</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>&amp;Press card number</source>
        <translation>Carte de press&amp;e n°</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Numéro du document</translation>
    </message>
    <message>
        <source>type or read it</source>
        <translation>à taper ou lire</translation>
    </message>
    <message>
        <source>Press card number</source>
        <translation>Numéro de la carte de presse</translation>
    </message>
    <message>
        <source>last 4, or all</source>
        <translation>4 derniers, ou tout</translation>
    </message>
    <message>
        <source>&amp;Editor&apos;s letter seen</source>
        <translation>Lettre de la rédaction v&amp;ue</translation>
    </message>
    <message>
        <source>&amp;Face matches the photo</source>
        <translation>&amp;Visage conforme à la photo</translation>
    </message>
    <message>
        <source>Face matches the photo (required)</source>
        <translation>Visage conforme à la photo (obligatoire)</translation>
    </message>
    <message>
        <source>Face does not &amp;match</source>
        <translation>Visage non con&amp;forme</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Import the accreditation list</source>
        <translation>Importer la liste d&apos;accréditation</translation>
    </message>
    <message>
        <source>&amp;List (CSV or JSON):</source>
        <translation>&amp;Liste (CSV ou JSON)&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;hotos folder:</source>
        <translation>Dossier des p&amp;hotos&#xa0;:</translation>
    </message>
    <message>
        <source>optional: the folder of the photos</source>
        <translation>facultatif&#xa0;: le dossier des photos</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Parco&amp;urir…</translation>
    </message>
    <message>
        <source>Choose the list file</source>
        <translation>Choisir le fichier de la liste</translation>
    </message>
    <message>
        <source>Choose the photos folder</source>
        <translation>Choisir le dossier des photos</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Avancement de l&apos;import</translation>
    </message>
    <message>
        <source>Problems found in the file</source>
        <translation>Problèmes trouvés dans le fichier</translation>
    </message>
    <message>
        <source>The import is still running; close this window when it is done.</source>
        <translation>L&apos;import est en cours&#xa0;; fermez cette fenêtre quand il sera terminé.</translation>
    </message>
    <message>
        <source>Accreditation list</source>
        <translation>Liste d&apos;accréditation</translation>
    </message>
    <message>
        <source>Lists (*.csv *.json);;All files (*)</source>
        <translation>Listes (*.csv *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Photos folder</source>
        <translation>Dossier des photos</translation>
    </message>
    <message>
        <source>Choose the list file first: there is no file at that path.</source>
        <translation>Choisissez d&apos;abord le fichier de la liste&#xa0;: il n&apos;y a pas de fichier à cet emplacement.</translation>
    </message>
    <message>
        <source>The photos folder does not exist.</source>
        <translation>Le dossier des photos n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Checking every row, then importing…</source>
        <translation>Vérification de chaque ligne, puis import…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) imported</source>
        <translation>
            <numerusform>%n ligne importée</numerusform>
            <numerusform>%n lignes importées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nouvelle</numerusform>
            <numerusform>%n nouvelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n mise à jour</numerusform>
            <numerusform>%n mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 prints the names of %n row(s) (a system font, not DejaVu).</source>
        <translation>
            <numerusform>%1 imprime les noms de %n ligne (une police du système, pas DejaVu).</numerusform>
            <numerusform>%1 imprime les noms de %n lignes (une police du système, pas DejaVu).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n&apos;a été importé.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n row(s); fix the file and import it again.</source>
        <translation>
            <numerusform>dans %n ligne&#xa0;; corrigez le fichier et importez-le à nouveau.</numerusform>
            <numerusform>dans %n lignes&#xa0;; corrigez le fichier et importez-le à nouveau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n are listed.</source>
        <translation>
            <numerusform>Le premier (%n) est affiché.</numerusform>
            <numerusform>Les %n premiers sont affichés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Rien n&apos;a été importé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Desk locked</source>
        <translation>Poste verrouillé</translation>
    </message>
    <message>
        <source>Type your PIN to carry on, or log in as another member of staff.</source>
        <translation>Tapez votre code PIN pour continuer, ou connectez-vous en tant qu&apos;un autre membre du personnel.</translation>
    </message>
    <message numerus="yes">
        <source>Nobody used the desk for %n minute(s).</source>
        <translation>
            <numerusform>Personne n&apos;a utilisé le poste depuis %n minute.</numerusform>
            <numerusform>Personne n&apos;a utilisé le poste depuis %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Motifs</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>All desks</source>
        <translation>Tous les postes</translation>
    </message>
    <message>
        <source>Da&amp;y:</source>
        <translation>&amp;Jour&#xa0;:</translation>
    </message>
    <message>
        <source>D&amp;esk:</source>
        <translation>P&amp;oste&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Décision&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Toutes les décisions</translation>
    </message>
    <message>
        <source>Check-in log</source>
        <translation>Journal des passages</translation>
    </message>
    <message numerus="yes">
        <source>%n entries shown</source>
        <translation>
            <numerusform>%n entrée affichée</numerusform>
            <numerusform>%n entrées affichées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n in the day)</source>
        <translation>
            <numerusform>(%n dans la journée)</numerusform>
            <numerusform>(%n dans la journée)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — accreditation desk</source>
        <translation>Connexion — poste d&apos;accréditation</translation>
    </message>
    <message>
        <source>%1, desk %2</source>
        <translation>%1, poste %2</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <source>L&amp;ogin:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>Code PI&amp;N&#xa0;:</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Type your login.</source>
        <translation>Tapez votre identifiant.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>Tapez votre code PIN.</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Vous pouvez réessayer maintenant.</translation>
    </message>
    <message numerus="yes">
        <source>Login or PIN not accepted. %n more try(s) before a 30-second wait.</source>
        <translation>
            <numerusform>Identifiant ou code PIN refusé. Encore %n essai avant une attente de 30 secondes.</numerusform>
            <numerusform>Identifiant ou code PIN refusé. Encore %n essais avant une attente de 30 secondes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Trop de codes PIN erronés. Attendez %n seconde, puis réessayez.</numerusform>
            <numerusform>Trop de codes PIN erronés. Attendez %n secondes, puis réessayez.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not work at this entrance: their desk is at the %2.</source>
        <translation>%1 ne travaille pas à cette entrée&#xa0;: son poste est à l&apos;%2.</translation>
    </message>
    <message>
        <source>This login cannot work at this desk (%1).</source>
        <translation>Cet identifiant ne peut pas travailler à ce poste (%1).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — %2, desk %3</source>
        <translation>%1 — %2, poste %3</translation>
    </message>
    <message>
        <source>REHEARSAL — %1</source>
        <translation>RÉPÉTITION — %1</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Live counts</source>
        <translation>Comptages en direct</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Reprint / void</source>
        <translation>Réimpression / annulation</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cartes</translation>
    </message>
    <message>
        <source>Scan not taken: the desk is locked.</source>
        <translation>Scan non pris en compte&#xa0;: le poste est verrouillé.</translation>
    </message>
    <message>
        <source>Scan not taken: finish or close the open window first.</source>
        <translation>Scan non pris en compte&#xa0;: terminez ou fermez d&apos;abord la fenêtre ouverte.</translation>
    </message>
    <message>
        <source>%1 Not logged: %2</source>
        <translation>%1 Non consigné au journal&#xa0;: %2</translation>
    </message>
    <message>
        <source>About the desk</source>
        <translation>À propos du poste</translation>
    </message>
    <message>
        <source>Media accreditation desk for %1.
Database: %2</source>
        <translation>Poste d&apos;accréditation des médias pour la %1.
Base de données&#xa0;: %2</translation>
    </message>
    <message>
        <source>Supervisors only: sign in with Ctrl+Shift+S.</source>
        <translation>Réservé aux superviseurs&#xa0;: connectez-vous avec Ctrl+Maj+S.</translation>
    </message>
    <message>
        <source>No checkpoint written to the witness folder: %1</source>
        <translation>Aucun point de contrôle écrit dans le dossier témoin : %1</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>La copie de sauvegarde automatique a échoué : %1</translation>
    </message>
    <message>
        <source>Wait until the import, export, pre-print or reprint is finished.</source>
        <translation>Attendez la fin de l&apos;import, de l&apos;export, de la pré-impression ou de la réimpression.</translation>
    </message>
</context>
<context>
    <name>Mrz</name>
    <message>
        <source>document number</source>
        <translation>numéro du document</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>date de naissance</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>date d&apos;expiration</translation>
    </message>
    <message>
        <source>personal number</source>
        <translation>numéro personnel</translation>
    </message>
    <message>
        <source>whole zone</source>
        <translation>zone entière</translation>
    </message>
    <message>
        <source>issuing state</source>
        <translation>État émetteur</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>nationalité</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexe</translation>
    </message>
    <message>
        <source>the lines are not of a passport or ID card&apos;s length</source>
        <translation>les lignes n&apos;ont pas la longueur de celles d&apos;un passeport ou d&apos;une carte d&apos;identité</translation>
    </message>
    <message>
        <source>this is not a machine-readable zone</source>
        <translation>ce n&apos;est pas une zone de lecture automatique</translation>
    </message>
    <message>
        <source>characters that a machine-readable zone never holds</source>
        <translation>des caractères qu&apos;une zone de lecture automatique ne contient jamais</translation>
    </message>
    <message>
        <source>the check digit of the %1 is wrong</source>
        <translation>chiffre de contrôle faux&#xa0;: %1</translation>
    </message>
    <message>
        <source>the %1 cannot be read</source>
        <translation>illisible&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>ISSUE BADGE</source>
        <translation>REMETTRE LE BADGE</translation>
    </message>
    <message>
        <source>WRONG ENTRANCE</source>
        <translation>MAUVAISE ENTRÉE</translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>REFUSÉ</translation>
    </message>
    <message>
        <source>CALL A SUPERVISOR</source>
        <translation>APPELER UN SUPERVISEUR</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Supervisor override</source>
        <translation>Dérogation du superviseur</translation>
    </message>
    <message>
        <source>A supervisor accepts this check-in despite what the ID check found. It is logged with the reason.</source>
        <translation>Un superviseur accepte cet enregistrement malgré le résultat du contrôle d&apos;identité. C&apos;est consigné au journal avec le motif.</translation>
    </message>
    <message>
        <source>Supervisor &amp;login:</source>
        <translation>&amp;Identifiant du superviseur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>Code PI&amp;N&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>required, e.g. new passport seen</source>
        <translation>obligatoire, p. ex. nouveau passeport vu</translation>
    </message>
    <message>
        <source>Accept and print</source>
        <translation>Accepter et imprimer</translation>
    </message>
    <message>
        <source>Accept, then scan the card</source>
        <translation>Accepter, puis scanner la carte</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PreprintDialog</name>
    <message>
        <source>Pre-print cards</source>
        <translation>Pré-imprimer des cartes</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>PDF &amp;file:</source>
        <translation>&amp;Fichier PDF&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>This desk&apos;s p&amp;rinter (%1), one job per box</source>
        <translation>Imp&amp;rimante de ce poste (%1), une impression par boîte</translation>
    </message>
    <message>
        <source>Cards per bo&amp;x:</source>
        <translation>Cartes par &amp;boîte&#xa0;:</translation>
    </message>
    <message>
        <source>Supervisor lo&amp;gin:</source>
        <translation>&amp;Identifiant du superviseur&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;IN:</source>
        <translation>Code PI&amp;N&#xa0;:</translation>
    </message>
    <message>
        <source>Pre-&amp;print</source>
        <translation>Pré-i&amp;mprimer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Pre-print progress</source>
        <translation>Avancement de la pré-impression</translation>
    </message>
    <message>
        <source>What the pre-print did</source>
        <translation>Ce que la pré-impression a fait</translation>
    </message>
    <message>
        <source>The cards are being printed; close this window when it is done.</source>
        <translation>Les cartes sont en cours d&apos;impression&#xa0;; fermez cette fenêtre quand ce sera terminé.</translation>
    </message>
    <message>
        <source>Pre-print into the PDF file</source>
        <translation>Pré-imprimer dans le fichier PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>A supervisor&apos;s login and PIN are needed.</source>
        <translation>L&apos;identifiant et le code PIN d&apos;un superviseur sont nécessaires.</translation>
    </message>
    <message>
        <source>Reserving the cards and printing them, box after box…</source>
        <translation>Réservation des cartes et impression, boîte après boîte…</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist.</source>
        <translation>Le dossier de %1 n&apos;existe pas.</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) were NOT printed: see below, then pre-print again.</source>
        <translation>
            <numerusform>%n carte n&apos;a PAS été imprimée&#xa0;: voyez ci-dessous, puis pré-imprimez à nouveau.</numerusform>
            <numerusform>%n cartes n&apos;ont PAS été imprimées&#xa0;: voyez ci-dessous, puis pré-imprimez à nouveau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) printed and boxed.</source>
        <translation>
            <numerusform>%n carte imprimée et mise en boîte.</numerusform>
            <numerusform>%n cartes imprimées et mises en boîte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Trop de codes PIN erronés. Attendez %n seconde, puis réessayez.</numerusform>
            <numerusform>Trop de codes PIN erronés. Attendez %n secondes, puis réessayez.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not accepted: this is not a supervisor&apos;s login and PIN.</source>
        <translation>Refusé&#xa0;: ce ne sont pas l&apos;identifiant et le code PIN d&apos;un superviseur.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Non effectué&#xa0;: %1</translation>
    </message>
    <message>
        <source>The pre-print stopped: %1</source>
        <translation>La pré-impression s&apos;est arrêtée&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) reserved by this run.</source>
        <translation>
            <numerusform>%n carte réservée par cette pré-impression.</numerusform>
            <numerusform>%n cartes réservées par cette pré-impression.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to print: everyone of this kind has a card or a badge already.</source>
        <translation>Rien à imprimer&#xa0;: chaque personne de ce type a déjà une carte ou un badge.</translation>
    </message>
    <message>
        <source>Box %1 printed: %2 cards, %3 to %4.</source>
        <translation>Boîte %1 imprimée&#xa0;: %2 cartes, de %3 à %4.</translation>
    </message>
    <message>
        <source>Box %1: DESTROY card %2, its holder was served at a desk meanwhile.</source>
        <translation>Boîte %1&#xa0;: DÉTRUISEZ la carte %2, son titulaire a été servi à un poste entre-temps.</translation>
    </message>
    <message>
        <source>Box %1 NOT printed (%2): %3 cards stay reserved: %4.</source>
        <translation>Boîte %1 NON imprimée (%2)&#xa0;: %3 cartes restent réservées&#xa0;: %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s) skipped.</source>
        <translation>
            <numerusform>%n référence écartée.</numerusform>
            <numerusform>%n références écartées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unprinted card(s) voided: their holders are served or no longer approved.</source>
        <translation>
            <numerusform>%n carte non imprimée annulée&#xa0;: son titulaire est servi ou n&apos;est plus approuvé.</numerusform>
            <numerusform>%n cartes non imprimées annulées&#xa0;: leurs titulaires sont servis ou ne sont plus approuvés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>not in the accreditation list</source>
        <translation>absent de la liste d&apos;accréditation</translation>
    </message>
    <message>
        <source>the code on the printout is not genuine (possible forgery)</source>
        <translation>le code de la confirmation n&apos;est pas authentique (falsification possible)</translation>
    </message>
    <message>
        <source>the printout is for another event</source>
        <translation>la confirmation concerne un autre événement</translation>
    </message>
    <message>
        <source>the printout&apos;s accreditation kind does not match the application</source>
        <translation>le type d&apos;accréditation de la confirmation ne correspond pas à la demande</translation>
    </message>
    <message>
        <source>a reference without a signed code is not accepted at this event</source>
        <translation>une référence sans code signé n&apos;est pas acceptée pour cet événement</translation>
    </message>
    <message>
        <source>the application is not approved yet (pending)</source>
        <translation>la demande n&apos;est pas encore approuvée (en attente)</translation>
    </message>
    <message>
        <source>the application was rejected</source>
        <translation>la demande a été rejetée</translation>
    </message>
    <message>
        <source>the application was withdrawn</source>
        <translation>la demande a été retirée</translation>
    </message>
    <message>
        <source>the accreditation was revoked</source>
        <translation>l&apos;accréditation a été révoquée</translation>
    </message>
    <message>
        <source>badges are not issued at this time for this accreditation</source>
        <translation>les badges ne sont pas remis à ce moment pour cette accréditation</translation>
    </message>
    <message>
        <source>a badge was already issued</source>
        <translation>un badge a déjà été remis</translation>
    </message>
    <message>
        <source>badges of this kind are issued at another entrance</source>
        <translation>les badges de ce type sont remis à une autre entrée</translation>
    </message>
    <message>
        <source>the ID document used to apply was not checked</source>
        <translation>la pièce d&apos;identité utilisée pour la demande n&apos;a pas été vérifiée</translation>
    </message>
    <message>
        <source>the press card or editor&apos;s letter was not checked</source>
        <translation>la carte de presse ou la lettre de la rédaction n&apos;a pas été vérifiée</translation>
    </message>
    <message>
        <source>the ID document expires before the end of the event</source>
        <translation>la pièce d&apos;identité expire avant la fin de l&apos;événement</translation>
    </message>
    <message>
        <source>document number differs from the application</source>
        <translation>le numéro du document diffère de la demande</translation>
    </message>
    <message>
        <source>family name differs from the application</source>
        <translation>le nom diffère de la demande</translation>
    </message>
    <message>
        <source>given names differ from the application</source>
        <translation>les prénoms diffèrent de la demande</translation>
    </message>
    <message>
        <source>date of birth differs from the application</source>
        <translation>la date de naissance diffère de la demande</translation>
    </message>
    <message>
        <source>nationality differs from the application</source>
        <translation>la nationalité diffère de la demande</translation>
    </message>
    <message>
        <source>document expiry differs from the application</source>
        <translation>la date d&apos;expiration du document diffère de la demande</translation>
    </message>
    <message>
        <source>press card number differs from the application</source>
        <translation>le numéro de carte de presse diffère de la demande</translation>
    </message>
    <message>
        <source>applied with an editor&apos;s letter, not a press card</source>
        <translation>demande faite avec une lettre de la rédaction, pas une carte de presse</translation>
    </message>
    <message>
        <source>applied with a press card, not an editor&apos;s letter</source>
        <translation>demande faite avec une carte de presse, pas une lettre de la rédaction</translation>
    </message>
    <message>
        <source>the face does not match the photo</source>
        <translation>le visage ne correspond pas à la photo</translation>
    </message>
    <message>
        <source>a forged or tampered printout was shown for this reference before: a supervisor decides</source>
        <translation>un imprimé falsifié ou modifié a déjà été présenté pour cette référence : un superviseur décide</translation>
    </message>
    <message>
        <source>reference without a signed code: not verified</source>
        <translation>référence sans code signé&#xa0;: non vérifiée</translation>
    </message>
    <message>
        <source>accepted by a supervisor</source>
        <translation>accepté par un superviseur</translation>
    </message>
    <message>
        <source>the card scanned is not this person&apos;s pre-printed card</source>
        <translation>la carte scannée n&apos;est pas la carte pré-imprimée de cette personne</translation>
    </message>
    <message>
        <source>this person&apos;s card must not be handed over (void, or the list changed since it was printed): give it to a supervisor, and scan the printout again to print a badge at the desk</source>
        <translation>la carte de cette personne ne doit pas être remise (annulée, ou la liste a changé depuis son impression) : donnez-la à un superviseur, et scannez à nouveau l&apos;impression pour imprimer un badge au poste</translation>
    </message>
    <message>
        <source>A forged printout was refused on %1 at the %2, desk %3, by %4 (log entry %5).</source>
        <translation>Un imprimé falsifié a été refusé le %1 à l&apos;%2, poste %3, par %4 (entrée %5 du journal).</translation>
    </message>
    <message>
        <source>%1, authorised by supervisor %2</source>
        <translation>%1, sur autorisation du superviseur %2</translation>
    </message>
    <message>
        <source>Badge %1 was issued on %2 at the %3, desk %4, by %5.</source>
        <translation>Le badge %1 a été remis le %2 à l&apos;%3, poste %4, par %5.</translation>
    </message>
</context>
<context>
    <name>ScanBar</name>
    <message>
        <source>Look &amp;up:</source>
        <translation>&amp;Chercher&#xa0;:</translation>
    </message>
    <message>
        <source>reference or name (Ctrl+F)</source>
        <translation>référence ou nom (Ctrl+F)</translation>
    </message>
    <message>
        <source>Reference or name</source>
        <translation>Référence ou nom</translation>
    </message>
    <message>
        <source>Type a reference and press Enter, or type a name to find the person</source>
        <translation>Tapez une référence et appuyez sur Entrée, ou tapez un nom pour trouver la personne</translation>
    </message>
    <message>
        <source>&amp;Open scan…</source>
        <translation>&amp;Ouvrir un scan…</translation>
    </message>
    <message>
        <source>Read the code from an image or PDF of the printout (Ctrl+O)</source>
        <translation>Lire le code sur une image ou un PDF de la confirmation (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open a scanned printout</source>
        <translation>Ouvrir une confirmation scannée</translation>
    </message>
    <message>
        <source>C&amp;amera: on</source>
        <translation>Ca&amp;méra&#xa0;: allumée</translation>
    </message>
    <message>
        <source>C&amp;amera: off</source>
        <translation>Ca&amp;méra&#xa0;: éteinte</translation>
    </message>
    <message>
        <source>Camera scanner</source>
        <translation>Lecture par caméra</translation>
    </message>
    <message>
        <source>Read printouts held up to the webcam (Ctrl+K)</source>
        <translation>Lire les confirmations présentées à la webcam (Ctrl+K)</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <source>That was not a confirmation code or a passport zone: nothing changed.</source>
        <translation>Ce n&apos;était ni un code de confirmation ni une zone de passeport&#xa0;: rien n&apos;a changé.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Camera on: hold the printout&apos;s code up to it.</source>
        <translation>Caméra allumée&#xa0;: présentez-lui le code de la confirmation imprimée.</translation>
    </message>
    <message>
        <source>Camera off.</source>
        <translation>Caméra éteinte.</translation>
    </message>
    <message>
        <source>Only part of the passport zone arrived: read the passport again.</source>
        <translation>Seule une partie de la zone du passeport est arrivée&#xa0;: relisez le passeport.</translation>
    </message>
    <message>
        <source>No code found in that file.</source>
        <translation>Aucun code trouvé dans ce fichier.</translation>
    </message>
    <message>
        <source>Code read from the file.</source>
        <translation>Code lu dans le fichier.</translation>
    </message>
</context>
<context>
    <name>ScannerSelfTest</name>
    <message>
        <source>US QWERTY (scanner and desk agree)</source>
        <translation>QWERTY US (comme le scanner)</translation>
    </message>
    <message>
        <source>UK QWERTY</source>
        <translation>QWERTY britannique</translation>
    </message>
    <message>
        <source>Belgian AZERTY</source>
        <translation>AZERTY belge</translation>
    </message>
    <message>
        <source>French AZERTY</source>
        <translation>AZERTY français</translation>
    </message>
    <message>
        <source>German QWERTZ</source>
        <translation>QWERTZ allemand</translation>
    </message>
    <message>
        <source>Swiss German QWERTZ</source>
        <translation>QWERTZ suisse alémanique</translation>
    </message>
    <message>
        <source>Swiss French QWERTZ</source>
        <translation>QWERTZ suisse romand</translation>
    </message>
    <message>
        <source>Self-test: scan this code off the screen with the desk&apos;s scanner. The desk works out the keyboard layout from what the scanner types.</source>
        <translation>Autotest&#xa0;: scannez ce code sur l&apos;écran avec le scanner du poste. Le poste déduit la disposition du clavier de ce que le scanner tape.</translation>
    </message>
    <message>
        <source>Scanner self-test code</source>
        <translation>Code d&apos;autotest du scanner</translation>
    </message>
    <message>
        <source>Waiting for the scan…</source>
        <translation>En attente du scan…</translation>
    </message>
    <message>
        <source>Not recognised. Set the scanner to a US keyboard, turn Caps Lock off, and scan the code again.</source>
        <translation>Non reconnu. Réglez le scanner sur un clavier américain (US), désactivez le verrouillage des majuscules et scannez à nouveau le code.</translation>
    </message>
    <message>
        <source>Scanner read correctly. It types as a US keyboard; this desk&apos;s keyboard layout is %1.</source>
        <translation>Scanner lu correctement. Il tape comme un clavier américain&#xa0;; la disposition du clavier de ce poste est %1.</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>People found</source>
        <translation>Personnes trouvées</translation>
    </message>
    <message>
        <source>%1 people found for “%2”. Arrow keys to move, Enter to look one up.</source>
        <translation>Personnes trouvées pour «&#xa0;%2&#xa0;»&#xa0;: %1. Flèches pour se déplacer, Entrée pour consulter.</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Can log in</source>
        <translation>Peut se connecter</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Add a member of staff</source>
        <translation>Ajouter un membre du personnel</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>Nom co&amp;mplet&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>Code PI&amp;N&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>at least %n digits</source>
        <translation>
            <numerusform>au moins %n chiffre</numerusform>
            <numerusform>au moins %n chiffres</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>S&amp;taff</source>
        <translation>Personn&amp;el</translation>
    </message>
    <message>
        <source>L&amp;ogin:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>PIN a&amp;gain:</source>
        <translation>Code PIN (&amp;confirmation)&#xa0;:</translation>
    </message>
    <message>
        <source>Disa&amp;ble or enable the selected login</source>
        <translation>&amp;Désactiver ou réactiver l’identifiant choisi</translation>
    </message>
    <message>
        <source>Give the login and the full name.</source>
        <translation>Indiquez l&apos;identifiant et le nom complet.</translation>
    </message>
    <message>
        <source>A PIN is at least %1 digits (%2 for a supervisor), not a repeated pattern or a straight run.</source>
        <translation>Un code PIN a au moins %1 chiffres (%2 pour un superviseur), sans motif répété ni suite de chiffres.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Les deux codes PIN diffèrent.</translation>
    </message>
    <message>
        <source>There is already a member of staff with the login %1.</source>
        <translation>Il existe déjà un membre du personnel avec l&apos;identifiant %1.</translation>
    </message>
    <message>
        <source>Added: %1.</source>
        <translation>Ajouté&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Select a member of staff in the list first.</source>
        <translation>Choisissez d’abord un membre du personnel dans la liste.</translation>
    </message>
    <message>
        <source>You cannot disable your own login.</source>
        <translation>Vous ne pouvez pas désactiver votre propre identifiant.</translation>
    </message>
    <message>
        <source>%1 can no longer log in.</source>
        <translation>%1 ne peut plus se connecter.</translation>
    </message>
    <message>
        <source>%1 can log in again.</source>
        <translation>%1 peut de nouveau se connecter.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Non effectué&#xa0;: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no (inactive)</source>
        <translation>non (inactif)</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <source>Set up this desk</source>
        <translation>Configurer ce poste</translation>
    </message>
    <message>
        <source>This computer has no desk settings yet. Say where it stands, what it prints on and which scanner it reads; the settings are kept for the next start.</source>
        <translation>Cet ordinateur n&apos;a pas encore de réglages de poste. Indiquez où il se trouve, sur quoi il imprime et quel scanner il lit&#xa0;; les réglages sont conservés pour le prochain démarrage.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>&amp;Entrance:</source>
        <translation>E&amp;ntrée&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Desk name:</source>
        <translation>Nom du &amp;poste&#xa0;:</translation>
    </message>
    <message>
        <source>for example G1</source>
        <translation>par exemple G1</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Badges</translation>
    </message>
    <message>
        <source>Print on a &amp;printer</source>
        <translation>Imprimer sur une &amp;imprimante</translation>
    </message>
    <message>
        <source>Save badges as PDF &amp;files in this folder</source>
        <translation>Enregistrer les badges en &amp;fichiers PDF dans ce dossier</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>Folder for badge PDF files</source>
        <translation>Dossier des fichiers PDF des badges</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Parc&amp;ourir…</translation>
    </message>
    <message>
        <source>Badge si&amp;ze:</source>
        <translation>Format du &amp;badge&#xa0;:</translation>
    </message>
    <message>
        <source>No printer was found on this computer.</source>
        <translation>Aucune imprimante n&apos;a été trouvée sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>S&amp;canner:</source>
        <translation>S&amp;canner&#xa0;:</translation>
    </message>
    <message>
        <source>for example /dev/ttyACM0</source>
        <translation>par exemple /dev/ttyACM0</translation>
    </message>
    <message>
        <source>Keyboard &amp;layout:</source>
        <translation>&amp;Disposition du clavier&#xa0;:</translation>
    </message>
    <message>
        <source>Code p&amp;refix:</source>
        <translation>P&amp;réfixe du code&#xa0;:</translation>
    </message>
    <message>
        <source>Code suffi&amp;x:</source>
        <translation>Suffi&amp;xe du code&#xa0;:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>a USB stick, a network folder</source>
        <translation>clé USB, dossier réseau</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Serial p&amp;ort:</source>
        <translation>Port &amp;série&#xa0;:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Lan&amp;gue&#xa0;:</translation>
    </message>
    <message>
        <source>Lock after (&amp;minutes idle):</source>
        <translation>Verrouiller après (&amp;minutes d&apos;inactivité)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Witness folder:</source>
        <translation>Dossier &amp;témoin :</translation>
    </message>
    <message>
        <source>Back up e&amp;very (minutes, 0: never):</source>
        <translation>S&amp;auvegarde toutes les (minutes, 0 : jamais) :</translation>
    </message>
    <message>
        <source>Fill the screen, no window frame (&amp;kiosk)</source>
        <translation>Plein écran, sans cadre de fenêtre (&amp;kiosque)</translation>
    </message>
    <message>
        <source>A passport reader is connected (the &amp;ID check starts at its zone)</source>
        <translation>Un lecteur de passeport est branché (le contrôle commence par sa &amp;zone)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>Les réglages n&apos;ont pas pu être enregistrés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Give the desk a name (for example G1): it goes into the log with every check-in.</source>
        <translation>Donnez un nom au poste (par exemple G1)&#xa0;: il figure dans le journal à chaque passage.</translation>
    </message>
    <message>
        <source>Choose a printer, or save badges as PDF files.</source>
        <translation>Choisissez une imprimante, ou enregistrez les badges en fichiers PDF.</translation>
    </message>
    <message>
        <source>Choose the folder for badge PDF files.</source>
        <translation>Choisissez le dossier des fichiers PDF des badges.</translation>
    </message>
    <message>
        <source>Automatic backups need a witness folder (a USB stick or a network share) to go to.</source>
        <translation>Les sauvegardes automatiques ont besoin d&apos;un dossier témoin (une clé USB ou un partage réseau).</translation>
    </message>
    <message>
        <source>A serial scanner needs its port (for example /dev/ttyACM0).</source>
        <translation>Un scanner série a besoin de son port (par exemple /dev/ttyACM0).</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>destroyed unclaimed</source>
        <translation>détruite, non réclamée</translation>
    </message>
    <message>
        <source>never printed</source>
        <translation>jamais imprimée</translation>
    </message>
    <message>
        <source>not printed: served at the desk</source>
        <translation>non imprimée&#xa0;: servi au poste</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Boîte</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Réservées</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Imprimées</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Remises</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Annulées</translation>
    </message>
    <message>
        <source>In the box</source>
        <translation>En boîte</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Non imprimées</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Équilibré</translation>
    </message>
    <message>
        <source>Voided because</source>
        <translation>Motifs d&apos;annulation</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Exporter dans le dossier</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Writing the stock as CSV and PDF…</source>
        <translation>Écriture du stock en CSV et en PDF…</translation>
    </message>
    <message>
        <source>The stock is saved as:</source>
        <translation>Le stock est enregistré sous&#xa0;:</translation>
    </message>
    <message>
        <source>Cards printed in advance</source>
        <translation>Cartes imprimées à l&apos;avance</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L&apos;export a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cards printed in advance, per kind and &amp;box</source>
        <translation>Cartes imprimées à l&apos;avance, par type et par &amp;boîte</translation>
    </message>
    <message>
        <source>Cards in a box that must &amp;NOT be handed over</source>
        <translation>Cartes en boîte à &amp;NE PAS remettre</translation>
    </message>
    <message>
        <source>Cards per kind and box</source>
        <translation>Cartes par type et par boîte</translation>
    </message>
    <message>
        <source>Cards that must not be handed over</source>
        <translation>Cartes à ne pas remettre</translation>
    </message>
    <message>
        <source>&amp;Pre-print cards…</source>
        <translation>Pré-imprimer des car&amp;tes…</translation>
    </message>
    <message>
        <source>&amp;Void a card…</source>
        <translation>Annul&amp;er une carte…</translation>
    </message>
    <message>
        <source>&amp;Close the stock…</source>
        <translation>&amp;Clôturer le stock…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Rafraîchir</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>D&amp;ossier&#xa0;:</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Parco&amp;urir…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV and PDF</source>
        <translation>E&amp;xporter en CSV et PDF</translation>
    </message>
    <message>
        <source>Every box balances: reserved = handed over + voided + in the box + not printed.</source>
        <translation>Chaque boîte est équilibrée&#xa0;: réservées = remises + annulées + en boîte + non imprimées.</translation>
    </message>
    <message>
        <source>A BOX DOES NOT BALANCE: reserved ≠ handed over + voided + in the box + not printed.</source>
        <translation>UNE BOÎTE N&apos;EST PAS ÉQUILIBRÉE&#xa0;: réservées ≠ remises + annulées + en boîte + non imprimées.</translation>
    </message>
    <message>
        <source>In all: %1 reserved, %2 handed over, %3 voided, %4 in the boxes, %5 not printed. %6</source>
        <translation>En tout&#xa0;: %1 réservées, %2 remises, %3 annulées, %4 en boîte, %5 non imprimées. %6</translation>
    </message>
    <message>
        <source>No card has been printed in advance.</source>
        <translation>Aucune carte n&apos;a été imprimée à l&apos;avance.</translation>
    </message>
    <message>
        <source>Closed by %1 (%2) on %3: every unclaimed card destroyed.</source>
        <translation>Clôturé par %1 (%2) le %3&#xa0;: toutes les cartes non réclamées détruites.</translation>
    </message>
    <message>
        <source>As at %1.</source>
        <translation>Situation au %1.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>NO</source>
        <translation>NON</translation>
    </message>
    <message>
        <source>the application changed since the card was printed: a supervisor voids it</source>
        <translation>la demande a changé depuis l&apos;impression de la carte : un superviseur l&apos;annule</translation>
    </message>
    <message>
        <source>the accreditation is %1 now: do not hand over; a supervisor voids it</source>
        <translation>l&apos;accréditation est désormais %1 : ne pas remettre la carte ; un superviseur l&apos;annule</translation>
    </message>
    <message>
        <source>not in the list</source>
        <translation>absent de la liste</translation>
    </message>
    <message>
        <source>application %1: do not hand over; a supervisor voids it</source>
        <translation>demande %1&#xa0;: ne pas remettre&#xa0;; un superviseur l&apos;annule</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <source>Supervisor sign-in</source>
        <translation>Connexion superviseur</translation>
    </message>
    <message>
        <source>A supervisor&apos;s login and PIN open the supervisor area on this desk until it is locked.</source>
        <translation>L&apos;identifiant et le code PIN d&apos;un superviseur ouvrent l&apos;espace superviseur sur ce poste jusqu&apos;à son verrouillage.</translation>
    </message>
    <message>
        <source>Supervisor &amp;login:</source>
        <translation>&amp;Identifiant du superviseur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>Code PI&amp;N&#xa0;:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Trop de codes PIN erronés. Attendez %n seconde, puis réessayez.</numerusform>
            <numerusform>Trop de codes PIN erronés. Attendez %n secondes, puis réessayez.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not accepted: this is not a supervisor&apos;s login and PIN.</source>
        <translation>Refusé&#xa0;: ce ne sont pas l&apos;identifiant et le code PIN d&apos;un superviseur.</translation>
    </message>
</context>
<context>
    <name>SupervisorPin</name>
    <message>
        <source>Supervisor lo&amp;gin:</source>
        <translation>&amp;Identifiant du superviseur&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;IN:</source>
        <translation>Code PI&amp;N&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Trop de codes PIN erronés. Attendez %n seconde, puis réessayez.</numerusform>
            <numerusform>Trop de codes PIN erronés. Attendez %n secondes, puis réessayez.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not accepted: this is not a supervisor&apos;s login and PIN.</source>
        <translation>Refusé&#xa0;: ce ne sont pas l&apos;identifiant et le code PIN d&apos;un superviseur.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Non effectué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>VerdictSounds</name>
    <message>
        <source>Sound is off: the audio part of Qt cannot load (%1).</source>
        <translation>Son coupé&#xa0;: la partie audio de Qt ne se charge pas (%1).</translation>
    </message>
    <message>
        <source>Sound is off: this computer has no audio output.</source>
        <translation>Son coupé&#xa0;: cet ordinateur n&apos;a pas de sortie audio.</translation>
    </message>
    <message>
        <source>Sound is off: sound files are missing (%1).</source>
        <translation>Son coupé&#xa0;: des fichiers son manquent (%1).</translation>
    </message>
</context>
<context>
    <name>VoidCardDialog</name>
    <message>
        <source>Void a card</source>
        <translation>Annuler une carte</translation>
    </message>
    <message>
        <source>Card &amp;serial:</source>
        <translation>Numéro de la &amp;carte&#xa0;:</translation>
    </message>
    <message>
        <source>for example M-000123 (scan or type it)</source>
        <translation>par exemple M-000123 (scannez-le ou tapez-le)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>C&amp;hercher</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>M&amp;otif&#xa0;:</translation>
    </message>
    <message>
        <source>required, for example: card damaged</source>
        <translation>obligatoire, par exemple&#xa0;: carte abîmée</translation>
    </message>
    <message>
        <source>&amp;Void the card</source>
        <translation>&amp;Annuler la carte</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>No card with that serial.</source>
        <translation>Aucune carte ne porte ce numéro.</translation>
    </message>
    <message>
        <source>Give the reason: it goes into the log.</source>
        <translation>Indiquez le motif&#xa0;: il figure dans le journal.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Non effectué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Card %1 is void: take it out of box %2, slot %3 and destroy it. Its holder is served with a badge printed at the desk.</source>
        <translation>La carte %1 est annulée&#xa0;: retirez-la de la boîte %2, case %3, et détruisez-la. Son titulaire sera servi avec un badge imprimé au poste.</translation>
    </message>
    <message>
        <source>No card chosen.</source>
        <translation>Aucune carte choisie.</translation>
    </message>
    <message>
        <source>Card %1 of %2 %3: box %4, slot %5; %6.</source>
        <translation>Carte %1 de %2 %3&#xa0;: boîte %4, case %5&#xa0;; %6.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Counter staff</source>
        <translation>Agent de guichet</translation>
    </message>
    <message>
        <source>Pass-office staff</source>
        <translation>Agent du bureau des laissez-passer</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Issue badge</source>
        <translation>Remettre le badge</translation>
    </message>
    <message>
        <source>Wrong entrance</source>
        <translation>Mauvaise entrée</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Supervisor needed</source>
        <translation>Superviseur requis</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Badge handed over</source>
        <translation>Badge remis</translation>
    </message>
    <message>
        <source>Print sent</source>
        <translation>Impression envoyée</translation>
    </message>
    <message>
        <source>Print failed</source>
        <translation>Échec de l&apos;impression</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Réimpression</translation>
    </message>
    <message>
        <source>Badge voided</source>
        <translation>Badge annulé</translation>
    </message>
    <message>
        <source>Supervisor override</source>
        <translation>Dérogation du superviseur</translation>
    </message>
    <message>
        <source>List imported</source>
        <translation>Liste importée</translation>
    </message>
    <message>
        <source>List refused</source>
        <translation>Liste refusée</translation>
    </message>
    <message>
        <source>Event configured</source>
        <translation>Événement configuré</translation>
    </message>
    <message>
        <source>Staff added</source>
        <translation>Personnel ajouté</translation>
    </message>
    <message>
        <source>Staff disabled</source>
        <translation>Personnel désactivé</translation>
    </message>
    <message>
        <source>Staff enabled</source>
        <translation>Personnel réactivé</translation>
    </message>
    <message>
        <source>PIN accepted</source>
        <translation>PIN accepté</translation>
    </message>
    <message>
        <source>PIN refused</source>
        <translation>PIN refusé</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Copie de sauvegarde faite</translation>
    </message>
    <message>
        <source>Key installed</source>
        <translation>Clé installée</translation>
    </message>
    <message>
        <source>Personal data purged</source>
        <translation>Données personnelles effacées</translation>
    </message>
    <message>
        <source>Check-in left unfinished</source>
        <translation>Enregistrement laissé inachevé</translation>
    </message>
    <message>
        <source>Scan not taken</source>
        <translation>Scan non pris en compte</translation>
    </message>
    <message>
        <source>Card reserved</source>
        <translation>Carte réservée</translation>
    </message>
    <message>
        <source>Card pre-printed</source>
        <translation>Carte pré-imprimée</translation>
    </message>
    <message>
        <source>Card not printed</source>
        <translation>Carte non imprimée</translation>
    </message>
    <message>
        <source>Card voided</source>
        <translation>Carte annulée</translation>
    </message>
    <message>
        <source>Card stock closed</source>
        <translation>Stock de cartes clôturé</translation>
    </message>
    <message>
        <source>USB scanner that types (keyboard)</source>
        <translation>Scanner USB qui tape (clavier)</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>Scanner série</translation>
    </message>
    <message>
        <source>Webcam</source>
        <translation>Webcam</translation>
    </message>
    <message>
        <source>ID card (85.6 × 54 mm)</source>
        <translation>Carte (85,6 × 54 mm)</translation>
    </message>
    <message>
        <source>A6 sheet</source>
        <translation>Feuille A6</translation>
    </message>
</context>
</TS>
