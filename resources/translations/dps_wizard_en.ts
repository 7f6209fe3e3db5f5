<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message numerus="yes">
        <source>Done: the device is provisioned and %n message(s) were acknowledged.</source>
        <translation>
            <numerusform>Done: the device is provisioned and %n message was acknowledged.</numerusform>
            <numerusform>Done: the device is provisioned and %n messages were acknowledged.</numerusform>
        </translation>
    </message>
</context>
</TS>
