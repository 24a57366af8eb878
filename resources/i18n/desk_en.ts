<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>CloseStockDialog</name>
    <message numerus="yes">
        <source>At the end of the event: the %n card(s) still waiting (in a box or never printed) are recorded as destroyed unclaimed, and the stock is signed off in your name. This cannot be undone.</source>
        <translation>
            <numerusform>At the end of the event: the %n card still waiting (in a box or never printed) is recorded as destroyed unclaimed, and the stock is signed off in your name. This cannot be undone.</numerusform>
            <numerusform>At the end of the event: the %n cards still waiting (in a box or never printed) are recorded as destroyed unclaimed, and the stock is signed off in your name. This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n entries exported. Saved as:</source>
        <translation>
            <numerusform>%n entry exported. Saved as:</numerusform>
            <numerusform>%n entries exported. Saved as:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n row(s) imported</source>
        <translation>
            <numerusform>%n row imported</numerusform>
            <numerusform>%n rows imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
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
            <numerusform>%1 prints the names of %n row (a system font, not DejaVu).</numerusform>
            <numerusform>%1 prints the names of %n rows (a system font, not DejaVu).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n row(s); fix the file and import it again.</source>
        <translation>
            <numerusform>in %n row; fix the file and import it again.</numerusform>
            <numerusform>in %n rows; fix the file and import it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n are listed.</source>
        <translation>
            <numerusform>The first %n is listed.</numerusform>
            <numerusform>The first %n are listed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message numerus="yes">
        <source>Nobody used the desk for %n minute(s).</source>
        <translation>
            <numerusform>Nobody used the desk for %n minute.</numerusform>
            <numerusform>Nobody used the desk for %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message numerus="yes">
        <source>%n entries shown</source>
        <translation>
            <numerusform>%n entry shown</numerusform>
            <numerusform>%n entries shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n in the day)</source>
        <translation>
            <numerusform>(%n in the day)</numerusform>
            <numerusform>(%n in the day)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message numerus="yes">
        <source>Login or PIN not accepted. %n more try(s) before a 30-second wait.</source>
        <translation>
            <numerusform>Login or PIN not accepted. %n more try before a 30-second wait.</numerusform>
            <numerusform>Login or PIN not accepted. %n more tries before a 30-second wait.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Too many wrong PINs. Wait %n second, then try again.</numerusform>
            <numerusform>Too many wrong PINs. Wait %n seconds, then try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreprintDialog</name>
    <message numerus="yes">
        <source>%n card(s) were NOT printed: see below, then pre-print again.</source>
        <translation>
            <numerusform>%n card was NOT printed: see below, then pre-print again.</numerusform>
            <numerusform>%n cards were NOT printed: see below, then pre-print again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) printed and boxed.</source>
        <translation>
            <numerusform>%n card printed and boxed.</numerusform>
            <numerusform>%n cards printed and boxed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Too many wrong PINs. Wait %n second, then try again.</numerusform>
            <numerusform>Too many wrong PINs. Wait %n seconds, then try again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) reserved by this run.</source>
        <translation>
            <numerusform>%n card reserved by this run.</numerusform>
            <numerusform>%n cards reserved by this run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s) skipped.</source>
        <translation>
            <numerusform>%n reference skipped.</numerusform>
            <numerusform>%n references skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unprinted card(s) voided: their holders are served or no longer approved.</source>
        <translation>
            <numerusform>%n unprinted card voided: its holder is served or no longer approved.</numerusform>
            <numerusform>%n unprinted cards voided: their holders are served or no longer approved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message numerus="yes">
        <source>at least %n digits</source>
        <translation>
            <numerusform>at least %n digit</numerusform>
            <numerusform>at least %n digits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message numerus="yes">
        <source>Too many wrong PINs. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Too many wrong PINs. Wait %n second, then try again.</numerusform>
            <numerusform>Too many wrong PINs. Wait %n seconds, then try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupervisorPin</name>
    <message numerus="yes">
        <source>Too many wrong PINs. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Too many wrong PINs. Wait %n second, then try again.</numerusform>
            <numerusform>Too many wrong PINs. Wait %n seconds, then try again.</numerusform>
        </translation>
    </message>
</context>
</TS>
