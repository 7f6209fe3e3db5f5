<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConnectionCheckView</name>
    <message numerus="yes">
        <source>%n check(s) failed</source>
        <translation>
            <numerusform>%n check failed</numerusform>
            <numerusform>%n checks failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message numerus="yes">
        <source>%n problem(s) in the list:</source>
        <translation>
            <numerusform>%n problem in the list:</numerusform>
            <numerusform>%n problems in the list:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ID(s) listed more than once; each runs once:</source>
        <translation>
            <numerusform>%n ID listed more than once; it runs once:</numerusform>
            <numerusform>%n IDs listed more than once; each runs once:</numerusform>
        </translation>
    </message>
</context>
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
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>Result: %1 failed, %n warning(s), %2 checks in %3 s.</source>
        <translation>
            <numerusform>Result: %1 failed, %n warning, %2 checks in %3 s.</numerusform>
            <numerusform>Result: %1 failed, %n warnings, %2 checks in %3 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Error: %1: %n device(s): %2</source>
        <translation>
            <numerusform>Error: %1: %n device: %2</numerusform>
            <numerusform>Error: %1: %n devices: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch: %n devices: %1 in %2 s (%3 at once, %4 devices/s).</source>
        <translation>
            <numerusform>Batch: %n device: %1 in %2 s (%3 at once, %4 devices/s).</numerusform>
            <numerusform>Batch: %n devices: %1 in %2 s (%3 at once, %4 devices/s).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Provisioning %n devices of the group on %1, %2 at once ...</source>
        <translation>
            <numerusform>Provisioning %n device of the group on %1, %2 at once ...</numerusform>
            <numerusform>Provisioning %n devices of the group on %1, %2 at once ...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n devices failed.</source>
        <translation>
            <numerusform>%1 of %n device failed.</numerusform>
            <numerusform>%1 of %n devices failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>core</name>
    <message numerus="yes">
        <source>... and %n more problem(s).</source>
        <translation>
            <numerusform>... and %n more problem.</numerusform>
            <numerusform>... and %n more problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved profile(s) could not be read; they were left in %1 untouched.</source>
        <translation>
            <numerusform>%n saved profile could not be read; it was left in %1 untouched.</numerusform>
            <numerusform>%n saved profiles could not be read; they were left in %1 untouched.</numerusform>
        </translation>
    </message>
</context>
</TS>
