<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>ConnectionCheckView</name>
    <message>
        <source>Connection test status</source>
        <translation>連線測試狀態</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>檢查</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Connection test results</source>
        <translation>連線測試結果</translation>
    </message>
    <message>
        <source>Each network check, what it found, what it means and what to try.</source>
        <translation>每項網路檢查、其發現、代表的意義以及可以嘗試的做法。</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>下一步該怎麼做</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通過</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>未嘗試</translation>
    </message>
    <message>
        <source>Name lookup (DNS)</source>
        <translation>名稱查詢 (DNS)</translation>
    </message>
    <message>
        <source>Name lookup of the proxy (DNS)</source>
        <translation>Proxy 的名稱查詢 (DNS)</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>時鐘</translation>
    </message>
    <message>
        <source>Trusted CA certificate</source>
        <translation>信任的 CA 憑證</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>TCP port %1, direct</source>
        <translation>TCP 連接埠 %1，直接連線</translation>
    </message>
    <message>
        <source>TCP port %1 through the proxy</source>
        <translation>透過 Proxy 連線 TCP 連接埠 %1</translation>
    </message>
    <message>
        <source>TLS on port %1</source>
        <translation>連接埠 %1 上的 TLS</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>正在測試與 %1 的連線…</translation>
    </message>
    <message>
        <source>The connection test was stopped.</source>
        <translation>連線測試已停止。</translation>
    </message>
    <message>
        <source>The connection test could not run: %1</source>
        <translation>無法執行連線測試：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>代表的意義</translation>
    </message>
    <message>
        <source>What to try</source>
        <translation>可以嘗試</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>憑證</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>簽發者</translation>
    </message>
    <message>
        <source>%1 · issuer %2 · valid until %3</source>
        <translation>%1 · 簽發者 %2 · 有效期限至 %3</translation>
    </message>
    <message>
        <source>Every check passed (%1 s).</source>
        <translation>所有檢查都已通過 (%1 秒)。</translation>
    </message>
    <message>
        <source>The connection works, with warnings (%1 s).</source>
        <translation>連線可以運作，但有警告 (%1 秒)。</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed</source>
        <translation>
            <numerusform>%n 項檢查失敗</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 s).</source>
        <translation>(%1 秒)。</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Device</source>
        <translation>裝置</translation>
    </message>
    <message>
        <source>The enrollment this device belongs to, and its symmetric key.</source>
        <translation>此裝置所屬的註冊，以及其對稱金鑰。</translation>
    </message>
    <message>
        <source>&amp;Individual enrollment</source>
        <translation>個別註冊(&amp;I)</translation>
    </message>
    <message>
        <source>One device, with its own key from the enrollment&apos;s page.</source>
        <translation>單一裝置，使用註冊頁面上它自己的金鑰。</translation>
    </message>
    <message>
        <source>Enrollment &amp;group</source>
        <translation>註冊群組(&amp;G)</translation>
    </message>
    <message>
        <source>Many devices share a group key; each device&apos;s key is derived from it and its registration ID.</source>
        <translation>多個裝置共用一把群組金鑰；每個裝置的金鑰由群組金鑰和其註冊識別碼衍生而來。</translation>
    </message>
    <message>
        <source>&amp;Several devices of an enrollment group</source>
        <translation>註冊群組的多個裝置(&amp;S)</translation>
    </message>
    <message>
        <source>A batch: a list of registration IDs, a pattern such as sensor-{001..100}, or a CSV file; each device&apos;s key is derived from the group key.</source>
        <translation>批次：註冊識別碼清單、sensor-{001..100} 之類的模式，或 CSV 檔案；每個裝置的金鑰都由群組金鑰衍生而來。</translation>
    </message>
    <message>
        <source>Registration ID</source>
        <translation>註冊識別碼</translation>
    </message>
    <message>
        <source>The enrollment&apos;s registration ID: lower case letters, digits and - . _ :</source>
        <translation>註冊的註冊識別碼：小寫英文字母、數字和 - . _ :</translation>
    </message>
    <message>
        <source>&amp;Registration ID:</source>
        <translation>註冊識別碼(&amp;R)：</translation>
    </message>
    <message>
        <source>Symmetric key</source>
        <translation>對稱金鑰</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>顯示(&amp;H)</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>顯示金鑰</translation>
    </message>
    <message>
        <source>Shows the key in clear text instead of dots.</source>
        <translation>以明文顯示金鑰，而不是圓點。</translation>
    </message>
    <message>
        <source>Symmetric &amp;key:</source>
        <translation>對稱金鑰(&amp;K)：</translation>
    </message>
    <message>
        <source>Derived device key</source>
        <translation>衍生的裝置金鑰</translation>
    </message>
    <message>
        <source>The device&apos;s own key, computed from the group key and the registration ID. Read only.</source>
        <translation>由群組金鑰和註冊識別碼計算出的裝置專屬金鑰。唯讀。</translation>
    </message>
    <message>
        <source>Derived &amp;device key:</source>
        <translation>衍生的裝置金鑰(&amp;D)：</translation>
    </message>
    <message>
        <source>Keeps the key in the system keyring so the profile can run again without typing it.</source>
        <translation>將金鑰保存在系統金鑰環中，下次執行此設定檔時不必再輸入。</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>設定檔名稱</translation>
    </message>
    <message>
        <source>The name the profile is saved under; it follows the registration ID until you change it.</source>
        <translation>設定檔儲存時使用的名稱；在您變更之前，它會跟隨註冊識別碼。</translation>
    </message>
    <message>
        <source>&amp;Profile name:</source>
        <translation>設定檔名稱(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;List or pattern</source>
        <translation>清單或模式(&amp;L)</translation>
    </message>
    <message>
        <source>CSV &amp;file with a registration_id column</source>
        <translation>含有 registration_id 資料行的 CSV 檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Registration IDs separated by commas, spaces or new lines, or a pattern such as sensor-{001..100}.</source>
        <translation>以逗號、空格或換行分隔的註冊識別碼，或 sensor-{001..100} 之類的模式。</translation>
    </message>
    <message>
        <source>A CSV file with a registration_id column and, optionally, a provisioning_payload column (JSON).</source>
        <translation>含有 registration_id 資料行的 CSV 檔案，也可以包含 provisioning_payload 資料行 (JSON)。</translation>
    </message>
    <message>
        <source>sensor-{001..100}, or sensor-a, sensor-b, …</source>
        <translation>sensor-{001..100}，或 sensor-a, sensor-b, …</translation>
    </message>
    <message>
        <source>Registration IDs</source>
        <translation>註冊識別碼</translation>
    </message>
    <message>
        <source>Path of the CSV file</source>
        <translation>CSV 檔案的路徑</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV 檔案</translation>
    </message>
    <message>
        <source>The path of the CSV file with the registration IDs.</source>
        <translation>含有註冊識別碼的 CSV 檔案路徑。</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>瀏覽(&amp;W)…</translation>
    </message>
    <message>
        <source>Browse for the CSV file</source>
        <translation>瀏覽以選取 CSV 檔案</translation>
    </message>
    <message>
        <source>Opens a file dialog to choose the CSV file.</source>
        <translation>開啟檔案對話方塊以選擇 CSV 檔案。</translation>
    </message>
    <message>
        <source>Number of devices</source>
        <translation>裝置數目</translation>
    </message>
    <message>
        <source>CSV file with registration IDs</source>
        <translation>含有註冊識別碼的 CSV 檔案</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 檔案 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>Type or paste the registration IDs, or choose a CSV file.</source>
        <translation>請輸入或貼上註冊識別碼，或選擇 CSV 檔案。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the list:</source>
        <translation>
            <numerusform>清單中有 %n 個問題：</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… 以及其他 %1 個。</translation>
    </message>
    <message numerus="yes">
        <source>%n ID(s) listed more than once; each runs once:</source>
        <translation>
            <numerusform>有 %n 個識別碼重複列出；每個只會執行一次：</numerusform>
        </translation>
    </message>
    <message>
        <source>No devices yet.</source>
        <translation>尚無裝置。</translation>
    </message>
    <message>
        <source>1 device: %1</source>
        <translation>1 個裝置：%1</translation>
    </message>
    <message>
        <source>%1 devices: %2 … %3</source>
        <translation>%1 個裝置：%2 … %3</translation>
    </message>
    <message>
        <source>Re&amp;member the key in %1</source>
        <translation>在 %1 中記住金鑰(&amp;M)</translation>
    </message>
    <message>
        <source>Re&amp;member the key (no usable keyring)</source>
        <translation>記住金鑰(&amp;M) (沒有可用的金鑰環)</translation>
    </message>
    <message>
        <source>The key cannot be saved: %1. The run works; you will type the key again next time.</source>
        <translation>無法儲存金鑰：%1。仍可執行；下次需要再輸入一次金鑰。</translation>
    </message>
    <message>
        <source>Group &amp;key:</source>
        <translation>群組金鑰(&amp;K)：</translation>
    </message>
    <message>
        <source>Group key</source>
        <translation>群組金鑰</translation>
    </message>
    <message>
        <source>The enrollment group&apos;s primary or secondary key (Base64); each device&apos;s key is derived from it.</source>
        <translation>註冊群組的主要或次要金鑰 (Base64)；每個裝置的金鑰都由它衍生而來。</translation>
    </message>
    <message>
        <source>The enrollment&apos;s primary or secondary key (Base64), as copied from the Azure portal.</source>
        <translation>註冊的主要或次要金鑰 (Base64)，從 Azure 入口網站複製而來。</translation>
    </message>
    <message>
        <source>The list of registration IDs is not usable yet.</source>
        <translation>註冊識別碼清單尚無法使用。</translation>
    </message>
    <message>
        <source>The key of “%1” is not in the keyring. Enter it again to run the profile.</source>
        <translation>金鑰環中沒有「%1」的金鑰。請再輸入一次金鑰以執行此設定檔。</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>About and diagnostics</source>
        <translation>關於與診斷</translation>
    </message>
    <message>
        <source>App</source>
        <translation>應用程式</translation>
    </message>
    <message>
        <source>Keyring backend</source>
        <translation>金鑰環後端</translation>
    </message>
    <message>
        <source>Trusted CA roots</source>
        <translation>信任的 CA 根憑證</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>翻譯</translation>
    </message>
    <message>
        <source>Icons</source>
        <translation>圖示</translation>
    </message>
    <message>
        <source>Qt plug-ins</source>
        <translation>Qt 外掛程式</translation>
    </message>
    <message>
        <source>App modules</source>
        <translation>應用程式模組</translation>
    </message>
    <message>
        <source>Built-in emulator start</source>
        <translation>內建模擬器啟動</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1，版本 %2</translation>
    </message>
    <message>
        <source>Provisions a device to Azure IoT Hub through the Device Provisioning Service with a symmetric key. The checks below are the same as those of dps-wizard --self-check: whether this installation is complete and able to work.</source>
        <translation>透過裝置佈建服務，以對稱金鑰將裝置佈建到 Azure IoT 中樞。下列檢查與 dps-wizard --self-check 相同：檢查此安裝是否完整且可以運作。</translation>
    </message>
    <message>
        <source>Diagnostics summary</source>
        <translation>診斷摘要</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>檢查</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>診斷</translation>
    </message>
    <message>
        <source>Each check, whether it passed, and what was found.</source>
        <translation>每項檢查、是否通過，以及發現的內容。</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>複製報告(&amp;C)</translation>
    </message>
    <message>
        <source>Copies the report, as dps-wizard --self-check prints it, to the clipboard.</source>
        <translation>將報告 (與 dps-wizard --self-check 的輸出相同) 複製到剪貼簿。</translation>
    </message>
    <message>
        <source>&amp;Run the checks again</source>
        <translation>重新執行檢查(&amp;R)</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>等候中…</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>檢查中…</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>檢查中</translation>
    </message>
    <message>
        <source>Not run: the window was closed.</source>
        <translation>未執行：視窗已關閉。</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未執行</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通過</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Checking… %1 of %2 done.</source>
        <translation>檢查中… 已完成 %1 項，共 %2 項。</translation>
    </message>
    <message>
        <source>%1 of %2 checks failed: %3.</source>
        <translation>%2 項檢查中有 %1 項失敗：%3。</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 checks.</source>
        <translation>已在完成 %1 項 (共 %2 項) 檢查後停止。</translation>
    </message>
    <message>
        <source>All %1 checks passed.</source>
        <translation>全部 %1 項檢查都已通過。</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已複製到剪貼簿。</translation>
    </message>
</context>
<context>
    <name>DpsWizard</name>
    <message>
        <source>DPS Provisioning Wizard</source>
        <translation>DPS 佈建精靈</translation>
    </message>
    <message>
        <source>Starting the built-in emulator…</source>
        <translation>正在啟動內建模擬器…</translation>
    </message>
    <message>
        <source>Demo group device</source>
        <translation>示範群組裝置</translation>
    </message>
    <message>
        <source>Demo device</source>
        <translation>示範裝置</translation>
    </message>
    <message>
        <source>The demo emulator could not start: %1</source>
        <translation>無法啟動示範模擬器：%1</translation>
    </message>
    <message>
        <source>The built-in emulator is running (%1). Demo profiles need no Azure.</source>
        <translation>內建模擬器正在執行 (%1)。示範設定檔不需要 Azure。</translation>
    </message>
    <message>
        <source>Cancel the run?</source>
        <translation>要取消執行嗎？</translation>
    </message>
    <message>
        <source>The run is still going. Stop it?</source>
        <translation>執行仍在進行中。要停止嗎？</translation>
    </message>
</context>
<context>
    <name>FleetModel</name>
    <message>
        <source>Registration ID</source>
        <translation>註冊識別碼</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>裝置識別碼</translation>
    </message>
    <message>
        <source>Assigned hub</source>
        <translation>指派的中樞</translation>
    </message>
    <message>
        <source>Substatus</source>
        <translation>子狀態</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排入佇列</translation>
    </message>
    <message>
        <source>provisioning</source>
        <translation>佈建中</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>傳送中</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已略過</translation>
    </message>
    <message>
        <source>already assigned in this batch</source>
        <translation>已在此批次中指派</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>Several devices</source>
        <translation>多個裝置</translation>
    </message>
    <message>
        <source>Each device of the list registers with DPS with its derived key, connects to its IoT hub and sends the test messages; a failed device does not stop the others.</source>
        <translation>清單中的每個裝置都會以其衍生金鑰向 DPS 註冊、連線至其 IoT 中樞並傳送測試訊息；一個裝置失敗不會停止其他裝置。</translation>
    </message>
    <message>
        <source>Batch status</source>
        <translation>批次狀態</translation>
    </message>
    <message>
        <source>%v of %m devices finished</source>
        <translation>已完成 %v 個裝置，共 %m 個</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>批次進度</translation>
    </message>
    <message>
        <source>Devices of this pass that have finished, out of all of them.</source>
        <translation>本輪中已完成的裝置數，以及裝置總數。</translation>
    </message>
    <message>
        <source>Devices at once</source>
        <translation>同時處理的裝置數</translation>
    </message>
    <message>
        <source>How many devices are provisioned at the same time; a change applies to the next run or retry.</source>
        <translation>同時佈建的裝置數目；變更會在下次執行或重試時生效。</translation>
    </message>
    <message>
        <source>&amp;Devices at once:</source>
        <translation>同時處理的裝置數(&amp;D)：</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>裝置</translation>
    </message>
    <message>
        <source>One row per device: registration ID, state, device ID, assigned hub, substatus, time and problem.</source>
        <translation>每個裝置一列：註冊識別碼、狀態、裝置識別碼、指派的中樞、子狀態、時間和問題。</translation>
    </message>
    <message>
        <source>The selected device&apos;s problem</source>
        <translation>所選裝置的問題</translation>
    </message>
    <message>
        <source>&amp;Cancel all</source>
        <translation>全部取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stops every device of the batch; Esc asks first.</source>
        <translation>停止批次中的所有裝置；按 Esc 會先詢問。</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>重試失敗的裝置(&amp;R)</translation>
    </message>
    <message>
        <source>Runs again only the devices that failed or were cancelled.</source>
        <translation>只重新執行失敗或已取消的裝置。</translation>
    </message>
    <message>
        <source>Export C&amp;SV…</source>
        <translation>匯出 CSV(&amp;S)…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>匯出 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Saves every device&apos;s result to a file. The group key is never in it.</source>
        <translation>將每個裝置的結果儲存到檔案。檔案中絕不會包含群組金鑰。</translation>
    </message>
    <message>
        <source>Include each device&apos;s derived &amp;key in the export</source>
        <translation>在匯出中包含每個裝置的衍生金鑰(&amp;K)</translation>
    </message>
    <message>
        <source>Secret: anyone with a device&apos;s key can connect as that device. The group key is never exported.</source>
        <translation>機密：任何擁有裝置金鑰的人都可以用該裝置的身分連線。群組金鑰絕不會匯出。</translation>
    </message>
    <message>
        <source>Cancelling every device…</source>
        <translation>正在取消所有裝置…</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>執行中…</translation>
    </message>
    <message>
        <source>Running: %1 of %2 finished · %3 succeeded · %4 failed</source>
        <translation>執行中：已完成 %1 個，共 %2 個 · 成功 %3 個 · 失敗 %4 個</translation>
    </message>
    <message>
        <source>%1 devices: %2 succeeded, %3 failed, %4 cancelled, %5 skipped (%6 s).</source>
        <translation>%1 個裝置：成功 %2 個、失敗 %3 個、已取消 %4 個、已略過 %5 個 (%6 秒)。</translation>
    </message>
    <message>
        <source>Done: every device is provisioned.</source>
        <translation>完成：所有裝置都已佈建。</translation>
    </message>
    <message>
        <source>The batch was cancelled.</source>
        <translation>批次已取消。</translation>
    </message>
    <message>
        <source>Some devices did not succeed.</source>
        <translation>部分裝置未成功。</translation>
    </message>
    <message>
        <source>The batch could not start: %1</source>
        <translation>無法啟動批次：%1</translation>
    </message>
    <message>
        <source>DPS said: %1</source>
        <translation>DPS 回應：%1</translation>
    </message>
    <message>
        <source>The exported file will hold every device&apos;s key: anyone who has it can connect as those devices. Keep it safe (it is written readable by you only) and delete it when it is no longer needed. The group key is never exported.</source>
        <translation>匯出的檔案會包含每個裝置的金鑰：任何取得此檔案的人都可以用這些裝置的身分連線。請妥善保管 (檔案只有您可以讀取)，不再需要時請刪除。群組金鑰絕不會匯出。</translation>
    </message>
    <message>
        <source>Export the results as CSV</source>
        <translation>將結果匯出為 CSV</translation>
    </message>
    <message>
        <source>Export the results as JSON</source>
        <translation>將結果匯出為 JSON</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 檔案 (*.json)</translation>
    </message>
    <message>
        <source>The results could not be saved: %1</source>
        <translation>無法儲存結果：%1</translation>
    </message>
    <message>
        <source>Saved to %1, with the derived device keys.</source>
        <translation>已儲存至 %1，其中包含衍生的裝置金鑰。</translation>
    </message>
    <message>
        <source>Saved to %1 (no keys in it).</source>
        <translation>已儲存至 %1 (其中不含金鑰)。</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>The device is provisioned. Save the profile to run it again in two clicks.</source>
        <translation>裝置已佈建。儲存設定檔後，只要按兩下即可再次執行。</translation>
    </message>
    <message>
        <source>Device ID:</source>
        <translation>裝置識別碼：</translation>
    </message>
    <message>
        <source>Assigned hub:</source>
        <translation>指派的中樞：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>狀態：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>建立時間：</translation>
    </message>
    <message>
        <source>Last updated:</source>
        <translation>上次更新：</translation>
    </message>
    <message>
        <source>Telemetry:</source>
        <translation>遙測：</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>延遲：</translation>
    </message>
    <message>
        <source>Response payload</source>
        <translation>回應承載</translation>
    </message>
    <message>
        <source>The payload DPS returned with the assignment (custom allocation). Read only.</source>
        <translation>DPS 隨指派傳回的承載 (自訂配置)。唯讀。</translation>
    </message>
    <message>
        <source>Response &amp;payload:</source>
        <translation>回應承載(&amp;P)：</translation>
    </message>
    <message>
        <source>Desired properties of the twin</source>
        <translation>對應項的所需屬性</translation>
    </message>
    <message>
        <source>The twin&apos;s desired properties, when the twin was read. Read only.</source>
        <translation>讀取對應項時取得的所需屬性。唯讀。</translation>
    </message>
    <message>
        <source>T&amp;win desired:</source>
        <translation>對應項所需屬性(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>儲存設定檔(&amp;S)</translation>
    </message>
    <message>
        <source>Copy as &amp;JSON</source>
        <translation>複製為 JSON(&amp;J)</translation>
    </message>
    <message>
        <source>Save &amp;report…</source>
        <translation>儲存報告(&amp;R)…</translation>
    </message>
    <message>
        <source>Run a&amp;gain</source>
        <translation>再次執行(&amp;G)</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>狀態訊息</translation>
    </message>
    <message>
        <source>%1 sent, %2 acknowledged, %3 failed</source>
        <translation>已傳送 %1 則，已確認 %2 則，失敗 %3 則</translation>
    </message>
    <message>
        <source>median %1 ms, maximum %2 ms</source>
        <translation>中位數 %1 毫秒，最大 %2 毫秒</translation>
    </message>
    <message>
        <source>No message was acknowledged.</source>
        <translation>沒有任何訊息獲得確認。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(無)</translation>
    </message>
    <message>
        <source>(not read)</source>
        <translation>(未讀取)</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>儲存變更(&amp;S)</translation>
    </message>
    <message>
        <source>Result recorded in the profile “%1”.</source>
        <translation>結果已記錄在設定檔「%1」中。</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已指派</translation>
    </message>
    <message>
        <source>Assigning</source>
        <translation>指派中</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The result was copied as JSON.</source>
        <translation>結果已複製為 JSON。</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>儲存報告</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>JSON 報告 (*.json)</translation>
    </message>
    <message>
        <source>Text report (*.txt)</source>
        <translation>文字報告 (*.txt)</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>無法儲存報告：%1</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>報告已儲存至 %1</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>檢閱</translation>
    </message>
    <message>
        <source>Check the settings. Run registers the device with DPS; that cannot be undone.</source>
        <translation>請檢查設定。「執行」會向 DPS 註冊裝置，此動作無法復原。</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>執行(&amp;R)</translation>
    </message>
    <message>
        <source>Equivalent command line</source>
        <translation>對等的命令列</translation>
    </message>
    <message>
        <source>The dps-wizard run command that does the same as this wizard; the key is not in it.</source>
        <translation>與此精靈效果相同的 dps-wizard run 命令；其中不含金鑰。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the command line</source>
        <translation>複製命令列</translation>
    </message>
    <message>
        <source>Equivalent co&amp;mmand line (the key is read from %1):</source>
        <translation>對等的命令列(&amp;M) (金鑰從 %1 讀取)：</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>設定檔：</translation>
    </message>
    <message>
        <source>Provisioning endpoint:</source>
        <translation>佈建端點：</translation>
    </message>
    <message>
        <source>ID scope:</source>
        <translation>識別碼範圍：</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>傳輸：</translation>
    </message>
    <message>
        <source>MQTT over WebSockets (443)</source>
        <translation>透過 WebSockets 的 MQTT (443)</translation>
    </message>
    <message>
        <source>MQTT (8883)</source>
        <translation>MQTT (8883)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy：</translation>
    </message>
    <message>
        <source>Trusted CA:</source>
        <translation>信任的 CA：</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>系統憑證</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>逾時：</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Enrollment:</source>
        <translation>註冊：</translation>
    </message>
    <message>
        <source>Enrollment group</source>
        <translation>註冊群組</translation>
    </message>
    <message>
        <source>Individual enrollment</source>
        <translation>個別註冊</translation>
    </message>
    <message>
        <source>Enrollment group, several devices</source>
        <translation>註冊群組，多個裝置</translation>
    </message>
    <message>
        <source>Registration ID:</source>
        <translation>註冊識別碼：</translation>
    </message>
    <message>
        <source>%1 devices: %2 … %3</source>
        <translation>%1 個裝置：%2 … %3</translation>
    </message>
    <message>
        <source>%1 (the group key; each device&apos;s key is derived from it)</source>
        <translation>%1 (群組金鑰；每個裝置的金鑰都由它衍生而來)</translation>
    </message>
    <message>
        <source>%1, device key %2</source>
        <translation>%1，裝置金鑰 %2</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>金鑰：</translation>
    </message>
    <message>
        <source>Remember the key:</source>
        <translation>記住金鑰：</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 則訊息</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, every %2 s</source>
        <translation>%1，每 %2 秒一則</translation>
    </message>
    <message>
        <source>Telemetry:</source>
        <translation>遙測：</translation>
    </message>
    <message>
        <source>Properties:</source>
        <translation>屬性：</translation>
    </message>
    <message>
        <source>Provisioning payload:</source>
        <translation>佈建承載：</translation>
    </message>
    <message>
        <source>Read the twin:</source>
        <translation>讀取對應項：</translation>
    </message>
    <message>
        <source>&amp;Run all</source>
        <translation>全部執行(&amp;R)</translation>
    </message>
    <message>
        <source>%1… (%2 characters)</source>
        <translation>%1… (%2 個字元)</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Run</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>Registering the device with DPS, connecting it to its IoT hub and sending telemetry.</source>
        <translation>正在向 DPS 註冊裝置、將其連線至 IoT 中樞並傳送遙測。</translation>
    </message>
    <message>
        <source>Connect to DPS</source>
        <translation>連線至 DPS</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>註冊</translation>
    </message>
    <message>
        <source>Waiting for assignment</source>
        <translation>等候指派</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已指派</translation>
    </message>
    <message>
        <source>Connect to hub</source>
        <translation>連線至中樞</translation>
    </message>
    <message>
        <source>Read twin</source>
        <translation>讀取對應項</translation>
    </message>
    <message>
        <source>Send telemetry</source>
        <translation>傳送遙測</translation>
    </message>
    <message>
        <source>Run status</source>
        <translation>執行狀態</translation>
    </message>
    <message>
        <source>message %v of %m</source>
        <translation>第 %v 則訊息，共 %m 則</translation>
    </message>
    <message>
        <source>Telemetry progress</source>
        <translation>遙測進度</translation>
    </message>
    <message>
        <source>Messages acknowledged or failed out of those planned.</source>
        <translation>在預定的訊息中，已確認或失敗的訊息數。</translation>
    </message>
    <message>
        <source>Telemetry counts</source>
        <translation>遙測計數</translation>
    </message>
    <message>
        <source>Messages sent, acknowledged and failed, and the rate.</source>
        <translation>已傳送、已確認和失敗的訊息數，以及速率。</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>詳細資料(&amp;D)</translation>
    </message>
    <message>
        <source>Problem details</source>
        <translation>問題詳細資料</translation>
    </message>
    <message>
        <source>The raw error, keys removed, for a report.</source>
        <translation>原始錯誤 (已移除金鑰)，可用於回報。</translation>
    </message>
    <message>
        <source>Show the details</source>
        <translation>顯示詳細資料</translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation>取消執行(&amp;C)</translation>
    </message>
    <message>
        <source>R&amp;etry</source>
        <translation>重試(&amp;E)</translation>
    </message>
    <message>
        <source>Run log</source>
        <translation>執行記錄</translation>
    </message>
    <message>
        <source>What the run did, line by line.</source>
        <translation>執行的每一個動作，逐行列出。</translation>
    </message>
    <message>
        <source>Stops the run; Esc asks first.</source>
        <translation>停止執行；按 Esc 會先詢問。</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>執行中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Waiting for assignment (poll %1)</source>
        <translation>等候指派 (第 %1 次輪詢)</translation>
    </message>
    <message>
        <source>Assigned to %1 as %2</source>
        <translation>已指派至 %1，裝置識別碼為 %2</translation>
    </message>
    <message>
        <source>Sent %1 · acknowledged %2 · failed %3 · %4 messages/s</source>
        <translation>已傳送 %1 · 已確認 %2 · 失敗 %3 · 每秒 %4 則訊息</translation>
    </message>
    <message numerus="yes">
        <source>Done: the device is provisioned and %n message(s) were acknowledged.</source>
        <translation>
            <numerusform>完成：裝置已佈建，且有 %n 則訊息獲得確認。</numerusform>
        </translation>
    </message>
    <message>
        <source>The run was cancelled.</source>
        <translation>執行已取消。</translation>
    </message>
    <message>
        <source>The run failed.</source>
        <translation>執行失敗。</translation>
    </message>
    <message>
        <source>DPS said: %1</source>
        <translation>DPS 回應：%1</translation>
    </message>
    <message>
        <source>No further detail.</source>
        <translation>沒有其他詳細資料。</translation>
    </message>
    <message>
        <source>&amp;Back to %1</source>
        <translation>返回%1(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Back to the settings</source>
        <translation>返回設定(&amp;B)</translation>
    </message>
</context>
<context>
    <name>SavedProfiles</name>
    <message>
        <source>The key was not saved: no usable keyring.</source>
        <translation>未儲存金鑰：沒有可用的金鑰環。</translation>
    </message>
    <message>
        <source>The key was not saved (Remember is off).</source>
        <translation>未儲存金鑰 (未勾選「記住」)。</translation>
    </message>
    <message>
        <source>The key is saved in %1.</source>
        <translation>金鑰已儲存在 %1 中。</translation>
    </message>
    <message>
        <source>Saved as “%1”. %2</source>
        <translation>已儲存為「%1」。%2</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <source>Device Provisioning Service</source>
        <translation>裝置佈建服務</translation>
    </message>
    <message>
        <source>Where the device registers: the DPS instance&apos;s endpoint and ID scope, from its Overview page in the Azure portal.</source>
        <translation>裝置註冊的位置：DPS 執行個體的端點和識別碼範圍，位於 Azure 入口網站中該執行個體的 [概觀] 頁面。</translation>
    </message>
    <message>
        <source>Provisioning endpoint</source>
        <translation>佈建端點</translation>
    </message>
    <message>
        <source>The DPS host name: global.azure-devices-provisioning.net or the Service endpoint on the DPS Overview page.</source>
        <translation>DPS 主機名稱：global.azure-devices-provisioning.net，或 DPS [概觀] 頁面上的服務端點。</translation>
    </message>
    <message>
        <source>Provisioning &amp;endpoint:</source>
        <translation>佈建端點(&amp;E)：</translation>
    </message>
    <message>
        <source>ID scope</source>
        <translation>識別碼範圍</translation>
    </message>
    <message>
        <source>The ID scope on the DPS Overview page, 0ne followed by 8 hexadecimal digits.</source>
        <translation>DPS [概觀] 頁面上的識別碼範圍，格式為 0ne 加上 8 個十六進位數字。</translation>
    </message>
    <message>
        <source>&amp;ID scope:</source>
        <translation>識別碼範圍(&amp;I)：</translation>
    </message>
    <message>
        <source>Test the connection to &amp;DPS</source>
        <translation>測試與 DPS 的連線(&amp;D)</translation>
    </message>
    <message>
        <source>Checks name lookup, ports 8883 and 443 (directly and through the proxy), TLS and the clock for this endpoint, in under 10 seconds; nothing is registered.</source>
        <translation>在 10 秒內檢查此端點的名稱查詢、連接埠 8883 和 443 (直接連線及透過 Proxy)、TLS 和時鐘；不會註冊任何項目。</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>進階(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;MQTT (port 8883)</source>
        <translation>&amp;MQTT (連接埠 8883)</translation>
    </message>
    <message>
        <source>MQTT over &amp;WebSockets (port 443, for networks that block 8883)</source>
        <translation>透過 &amp;WebSockets 的 MQTT (連接埠 443，適用於封鎖 8883 的網路)</translation>
    </message>
    <message>
        <source>The usual transport.</source>
        <translation>一般使用的傳輸方式。</translation>
    </message>
    <message>
        <source>For networks and proxies that only let port 443 through.</source>
        <translation>適用於只允許連接埠 443 通過的網路和 Proxy。</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>傳輸：</translation>
    </message>
    <message>
        <source>Connect through an HTTP &amp;proxy</source>
        <translation>透過 HTTP Proxy 連線(&amp;P)</translation>
    </message>
    <message>
        <source>Turns on the proxy host, port, user and password below.</source>
        <translation>啟用下方的 Proxy 主機、連接埠、使用者和密碼。</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>Proxy 主機</translation>
    </message>
    <message>
        <source>Host name of the HTTP proxy.</source>
        <translation>HTTP Proxy 的主機名稱。</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>Proxy 連接埠</translation>
    </message>
    <message>
        <source>Port of the HTTP proxy, 1 to 65535.</source>
        <translation>HTTP Proxy 的連接埠，1 到 65535。</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>連接埠(&amp;O)：</translation>
    </message>
    <message>
        <source>Proxy &amp;host:</source>
        <translation>Proxy 主機(&amp;H)：</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Proxy 使用者名稱</translation>
    </message>
    <message>
        <source>Leave empty when the proxy needs no sign-in.</source>
        <translation>Proxy 不需要登入時請保留空白。</translation>
    </message>
    <message>
        <source>Proxy &amp;user:</source>
        <translation>Proxy 使用者(&amp;U)：</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Proxy 密碼</translation>
    </message>
    <message>
        <source>Kept in the keyring with the profile, never in the profile file.</source>
        <translation>與設定檔一起保存在金鑰環中，絕不會寫入設定檔檔案。</translation>
    </message>
    <message>
        <source>Proxy pa&amp;ssword:</source>
        <translation>Proxy 密碼(&amp;S)：</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>瀏覽(&amp;R)…</translation>
    </message>
    <message>
        <source>Demo: these settings point at the built-in DPS and IoT hub emulator on this computer. Nothing is sent to Azure; keep them as they are and press Next.</source>
        <translation>示範：這些設定指向這部電腦上內建的 DPS 與 IoT 中樞模擬器，不會傳送任何資料到 Azure；請保留這些設定並按 [下一個]。</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>系統憑證</translation>
    </message>
    <message>
        <source>Trusted CA certificate file</source>
        <translation>信任的 CA 憑證檔案</translation>
    </message>
    <message>
        <source>A PEM file whose roots replace the system&apos;s: for an IoT Edge gateway or a proxy that inspects TLS. Empty: the system certificates.</source>
        <translation>以其根憑證取代系統根憑證的 PEM 檔案：適用於 IoT Edge 閘道或會檢查 TLS 的 Proxy。空白：使用系統憑證。</translation>
    </message>
    <message>
        <source>Browse for the trusted CA certificate file</source>
        <translation>瀏覽以選取信任的 CA 憑證檔案</translation>
    </message>
    <message>
        <source>Trusted &amp;CA (PEM):</source>
        <translation>信任的 CA (PEM)(&amp;C)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Timeout in seconds</source>
        <translation>逾時 (秒)</translation>
    </message>
    <message>
        <source>Deadline for each network step: the registration, the hub connection, each message.</source>
        <translation>每個網路步驟的期限：註冊、中樞連線，以及每一則訊息。</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>逾時(&amp;T)：</translation>
    </message>
    <message>
        <source>Trusted CA certificate</source>
        <translation>信任的 CA 憑證</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>PEM 憑證 (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome</source>
        <translation>歡迎使用</translation>
    </message>
    <message>
        <source>Provision a device to Azure IoT Hub through the Device Provisioning Service with a symmetric key, then prove it with test telemetry.</source>
        <translation>透過裝置佈建服務，以對稱金鑰將裝置佈建到 Azure IoT 中樞，然後以測試遙測加以驗證。</translation>
    </message>
    <message>
        <source>&amp;Provision a new device</source>
        <translation>佈建新裝置(&amp;P)</translation>
    </message>
    <message>
        <source>Enter the DPS instance, the enrollment and its key.</source>
        <translation>輸入 DPS 執行個體、註冊及其金鑰。</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>試用示範(&amp;D)</translation>
    </message>
    <message>
        <source>A built-in DPS and IoT hub on this computer: no Azure needed.</source>
        <translation>在這部電腦上的內建 DPS 和 IoT 中樞：不需要 Azure。</translation>
    </message>
    <message>
        <source>Try the &amp;group demo</source>
        <translation>試用群組示範(&amp;G)</translation>
    </message>
    <message>
        <source>The same, with an enrollment group and a derived key.</source>
        <translation>相同的示範，改用註冊群組和衍生金鑰。</translation>
    </message>
    <message>
        <source>&amp;Saved profiles:</source>
        <translation>已儲存的設定檔(&amp;S)：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Registration ID</source>
        <translation>註冊識別碼</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>上次結果</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>已儲存的設定檔</translation>
    </message>
    <message>
        <source>Select a profile, then Run again, Edit, Duplicate or Delete it. Enter runs it again.</source>
        <translation>選取設定檔，然後再次執行、編輯、複製或刪除。按 Enter 會再次執行。</translation>
    </message>
    <message>
        <source>No saved profiles yet. A profile is saved from the result page of a run.</source>
        <translation>尚無已儲存的設定檔。設定檔是在執行的結果頁面上儲存的。</translation>
    </message>
    <message>
        <source>&amp;Run again</source>
        <translation>再次執行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>複製(&amp;U)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>刪除(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系統語言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>The language of the wizard; it changes the next time the wizard starts.</source>
        <translation>精靈使用的語言；下次啟動精靈時生效。</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>語言(&amp;A)：</translation>
    </message>
    <message>
        <source>Abou&amp;t and diagnostics</source>
        <translation>關於與診斷(&amp;T)</translation>
    </message>
    <message>
        <source>The app&apos;s version and the same checks as dps-wizard --self-check, in a window of their own.</source>
        <translation>應用程式的版本，以及與 dps-wizard --self-check 相同的檢查，顯示在獨立的視窗中。</translation>
    </message>
    <message>
        <source>No usable keyring: %1 Runs still work, but keys cannot be saved; you will type them each time.</source>
        <translation>沒有可用的金鑰環：%1 仍可執行，但無法儲存金鑰；每次都需要輸入。</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>從未執行</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Provisioning failed</source>
        <translation>佈建失敗</translation>
    </message>
    <message>
        <source>Telemetry failed</source>
        <translation>遙測失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Used the next time the wizard starts.</source>
        <translation>下次啟動精靈時套用。</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>刪除設定檔</translation>
    </message>
    <message>
        <source>Delete the profile “%1” and the keys saved for it?</source>
        <translation>要刪除設定檔「%1」及為其儲存的金鑰嗎？</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Step</source>
        <translation>步驟</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Run steps</source>
        <translation>執行步驟</translation>
    </message>
    <message>
        <source>Each step of the run, its state and how long it took.</source>
        <translation>執行的每個步驟、其狀態和花費的時間。</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已略過</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TelemetryPage</name>
    <message>
        <source>Telemetry</source>
        <translation>遙測</translation>
    </message>
    <message>
        <source>The test messages the device sends once it is connected to its IoT hub.</source>
        <translation>裝置連線至 IoT 中樞後傳送的測試訊息。</translation>
    </message>
    <message>
        <source>Number of messages</source>
        <translation>訊息數目</translation>
    </message>
    <message>
        <source>Test messages to send after provisioning; 0 sends none.</source>
        <translation>佈建後要傳送的測試訊息數；0 表示不傳送。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Interval between messages in seconds</source>
        <translation>訊息之間的間隔 (秒)</translation>
    </message>
    <message>
        <source>The pause between two messages; 0 sends them one after another.</source>
        <translation>兩則訊息之間的暫停時間；0 表示逐一連續傳送。</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>間隔(&amp;I)：</translation>
    </message>
    <message>
        <source>Number of &amp;messages:</source>
        <translation>訊息數目(&amp;M)：</translation>
    </message>
    <message>
        <source>Payload template</source>
        <translation>承載範本</translation>
    </message>
    <message>
        <source>Placeholders: ${n}, ${count}, ${timestamp}, ${device_id}, ${message_id}</source>
        <translation>預留位置：${n}、${count}、${timestamp}、${device_id}、${message_id}</translation>
    </message>
    <message>
        <source>Payload &amp;template:</source>
        <translation>承載範本(&amp;T)：</translation>
    </message>
    <message>
        <source>Preview of message 1</source>
        <translation>第 1 則訊息的預覽</translation>
    </message>
    <message>
        <source>The body of the first message, as the template gives it. Read only.</source>
        <translation>依範本產生的第一則訊息本文。唯讀。</translation>
    </message>
    <message>
        <source>Message 1 pre&amp;view:</source>
        <translation>第 1 則訊息預覽(&amp;V)：</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>屬性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Custom properties</source>
        <translation>自訂屬性</translation>
    </message>
    <message>
        <source>Name and value of each application property every message carries. Add makes a row; F2 edits a cell.</source>
        <translation>每則訊息都會攜帶的應用程式屬性名稱和值。「新增」會加入一列；按 F2 可編輯儲存格。</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>新增(&amp;D)</translation>
    </message>
    <message>
        <source>Remov&amp;e</source>
        <translation>移除(&amp;E)</translation>
    </message>
    <message>
        <source>Add a property</source>
        <translation>新增屬性</translation>
    </message>
    <message>
        <source>Remove the selected property</source>
        <translation>移除選取的屬性</translation>
    </message>
    <message>
        <source>Custom p&amp;roperties:</source>
        <translation>自訂屬性(&amp;R)：</translation>
    </message>
    <message>
        <source>Optional JSON sent to DPS with the registration</source>
        <translation>隨註冊傳送給 DPS 的選用 JSON</translation>
    </message>
    <message>
        <source>Provisioning payload</source>
        <translation>佈建承載</translation>
    </message>
    <message>
        <source>Provisioning pa&amp;yload:</source>
        <translation>佈建承載(&amp;Y)：</translation>
    </message>
    <message>
        <source>Read the device t&amp;win after provisioning</source>
        <translation>佈建後讀取裝置對應項(&amp;W)</translation>
    </message>
    <message>
        <source>Shows the twin&apos;s desired properties on the result page.</source>
        <translation>在結果頁面上顯示對應項的所需屬性。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the command-line demo instead.
Run &apos;dps-wizard run --help&apos; for the headless command.</source>
        <translation>找不到顯示器 (未設定 DISPLAY 和 WAYLAND_DISPLAY)：改為執行命令列示範。
無介面命令的說明請執行 &apos;dps-wizard run --help&apos;。</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>錯誤：%1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>No saved profiles. Save one from the wizard or with: dps-wizard run ... --save-as NAME</source>
        <translation>沒有已儲存的設定檔。請從精靈儲存，或使用：dps-wizard run ... --save-as NAME</translation>
    </message>
    <message>
        <source>Error: profile &apos;%1&apos; does not exist.</source>
        <translation>錯誤：設定檔 &apos;%1&apos; 不存在。</translation>
    </message>
    <message>
        <source>Warning: the profile was deleted but its keys could not be removed from the keyring: %1</source>
        <translation>警告：設定檔已刪除，但無法從金鑰環移除其金鑰：%1</translation>
    </message>
    <message>
        <source>Deleted profile &apos;%1&apos; and its saved keys.</source>
        <translation>已刪除設定檔 &apos;%1&apos; 及其儲存的金鑰。</translation>
    </message>
    <message>
        <source>never run</source>
        <translation>從未執行</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>provisioning failed</source>
        <translation>佈建失敗</translation>
    </message>
    <message>
        <source>telemetry failed</source>
        <translation>遙測失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Custom property &apos;%1&apos; must be written NAME=VALUE.</source>
        <translation>自訂屬性 &apos;%1&apos; 必須寫成 NAME=VALUE。</translation>
    </message>
    <message>
        <source>Proxy &apos;%1&apos; must be written HOST:PORT, e.g. proxy.example.com:3128.</source>
        <translation>Proxy &apos;%1&apos; 必須寫成 HOST:PORT，例如 proxy.example.com:3128。</translation>
    </message>
    <message>
        <source>Symmetric key is missing: set %1 to the enrollment&apos;s key (it is never taken as an argument, so it stays out of shell history and process lists).</source>
        <translation>缺少對稱金鑰：請將 %1 設為註冊的金鑰 (金鑰絕不從引數讀取，因此不會出現在殼層歷程記錄和處理程序清單中)。</translation>
    </message>
    <message>
        <source>Connecting to %1 ...</source>
        <translation>正在連線至 %1 ...</translation>
    </message>
    <message>
        <source>Waiting for assignment (poll %1) ...</source>
        <translation>等候指派 (第 %1 次輪詢) ...</translation>
    </message>
    <message>
        <source>message #%1 failed (%2); retrying</source>
        <translation>訊息 #%1 失敗 (%2)；正在重試</translation>
    </message>
    <message>
        <source>message #%1 failed (%2); giving up</source>
        <translation>訊息 #%1 失敗 (%2)；放棄</translation>
    </message>
    <message>
        <source>Telemetry: %1 of %2 acknowledged, %3 failed</source>
        <translation>遙測：%2 則中已確認 %1 則，失敗 %3 則</translation>
    </message>
    <message>
        <source>%1, %2 retried</source>
        <translation>%1，重試 %2 則</translation>
    </message>
    <message>
        <source>%1; latency median %2 ms, max %3 ms</source>
        <translation>%1；延遲中位數 %2 毫秒，最大 %3 毫秒</translation>
    </message>
    <message>
        <source>%1; %2 s (%3 msg/s).</source>
        <translation>%1；%2 秒 (每秒 %3 則)。</translation>
    </message>
    <message>
        <source>Warning: the export files will contain every device&apos;s derived key. Anyone with a file can connect as those devices: keep it private and delete it when done. The group key is never exported.</source>
        <translation>警告：匯出的檔案會包含每個裝置的衍生金鑰。任何取得檔案的人都可以用這些裝置的身分連線：請妥善保管，用完後請刪除。群組金鑰絕不會匯出。</translation>
    </message>
    <message numerus="yes">
        <source>Error: %1: %n device(s): %2</source>
        <translation>
            <numerusform>錯誤：%1：%n 個裝置：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch: %n devices: %1 in %2 s (%3 at once, %4 devices/s).</source>
        <translation>
            <numerusform>批次：%n 個裝置：%1，耗時 %2 秒 (同時 %3 個，每秒 %4 個裝置)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Provisioning %n devices of the group on %1, %2 at once ...</source>
        <translation>
            <numerusform>正在 %1 上佈建群組的 %n 個裝置，同時 %2 個 ...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n devices failed.</source>
        <translation>
            <numerusform>%n 個裝置中有 %1 個失敗。</numerusform>
        </translation>
    </message>
    <message>
        <source>Registration IDs are missing: give --registration-ids &apos;sensor-{001..100}&apos; (or a comma list) or --csv FILE.</source>
        <translation>缺少註冊識別碼：請提供 --registration-ids &apos;sensor-{001..100}&apos; (或以逗號分隔的清單) 或 --csv FILE。</translation>
    </message>
    <message>
        <source>Demo: built-in emulator at %1 (DPS) and %2 (IoT hub), ID scope %3, group enrollment &apos;%4&apos;.</source>
        <translation>示範：內建模擬器位於 %1 (DPS) 和 %2 (IoT 中樞)，識別碼範圍 %3，註冊群組 &apos;%4&apos;。</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; has no saved group key in the keyring (the wizard saves it only when asked to): set %2 to the enrollment group&apos;s key.</source>
        <translation>設定檔 &apos;%1&apos; 在金鑰環中沒有已儲存的群組金鑰 (精靈只有在您要求時才會儲存)：請將 %2 設為註冊群組的金鑰。</translation>
    </message>
    <message>
        <source>Group key is missing: set %1 to the enrollment group&apos;s primary key (it is never taken as an argument, so it stays out of shell history and process lists).</source>
        <translation>缺少群組金鑰：請將 %1 設為註冊群組的主要金鑰 (金鑰絕不從引數讀取，因此不會出現在殼層歷程記錄和處理程序清單中)。</translation>
    </message>
    <message>
        <source>%1/%2 done, %3 running, %4 failed</source>
        <translation>已完成 %1/%2，執行中 %3，失敗 %4</translation>
    </message>
    <message>
        <source>%1 (%2 s)</source>
        <translation>%1 (%2 秒)</translation>
    </message>
    <message>
        <source>%1: succeeded: device %2 on %3 (%4)</source>
        <translation>%1：成功：裝置 %2 位於 %3 (%4)</translation>
    </message>
    <message>
        <source>%1, %2/%3 messages</source>
        <translation>%1，訊息 %2/%3 則</translation>
    </message>
    <message>
        <source>%1: skipped: %2</source>
        <translation>%1：已略過：%2</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1：已取消</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1：失敗：%2</translation>
    </message>
    <message>
        <source>%1 succeeded</source>
        <translation>成功 %1 個</translation>
    </message>
    <message>
        <source>%1 failed (%2 provisioning, %3 hub/telemetry)</source>
        <translation>失敗 %1 個 (佈建 %2 個，中樞/遙測 %3 個)</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>失敗 %1 個</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>已取消 %1 個</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>已略過 %1 個</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 及其他 %2 個</translation>
    </message>
    <message>
        <source>What happened: %1</source>
        <translation>發生什麼事：%1</translation>
    </message>
    <message>
        <source>What to check: %1</source>
        <translation>請檢查：%1</translation>
    </message>
    <message>
        <source>Concurrency must be between 1 and %1.</source>
        <translation>同時數量必須介於 1 到 %1 之間。</translation>
    </message>
    <message>
        <source>Registration IDs: %1</source>
        <translation>註冊識別碼：%1</translation>
    </message>
    <message>
        <source>Warning: --include-derived-keys has no effect without --export-csv or --export-json.</source>
        <translation>警告：未指定 --export-csv 或 --export-json 時，--include-derived-keys 沒有作用。</translation>
    </message>
    <message>
        <source>Warning: could not write %1: %2</source>
        <translation>警告：無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>Results written to %1 (with derived keys)</source>
        <translation>結果已寫入 %1 (含衍生金鑰)</translation>
    </message>
    <message>
        <source>Results written to %1</source>
        <translation>結果已寫入 %1</translation>
    </message>
    <message>
        <source>DPS error: %1</source>
        <translation>DPS 錯誤：%1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>詳細資料：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已略過</translation>
    </message>
    <message numerus="yes">
        <source>Result: %1 failed, %n warning(s), %2 checks in %3 s.</source>
        <translation>
            <numerusform>結果：%1 項失敗、%n 項警告，共 %2 項檢查，耗時 %3 秒。</numerusform>
        </translation>
    </message>
    <message>
        <source>Proxy needs both --proxy-host and --proxy-port.</source>
        <translation>Proxy 需要同時指定 --proxy-host 和 --proxy-port。</translation>
    </message>
    <message>
        <source>Proxy port must be between 1 and 65535.</source>
        <translation>Proxy 連接埠必須介於 1 到 65535 之間。</translation>
    </message>
    <message>
        <source>Advice:</source>
        <translation>建議：</translation>
    </message>
    <message>
        <source>What it means: %1</source>
        <translation>代表的意義：%1</translation>
    </message>
    <message>
        <source>What to try: %1</source>
        <translation>可以嘗試：%1</translation>
    </message>
    <message>
        <source>issued by %1; valid %2 to %3</source>
        <translation>簽發者 %1；有效期間 %2 至 %3</translation>
    </message>
    <message>
        <source>Timeout must be between 0.1 and 30 seconds.</source>
        <translation>逾時必須介於 0.1 到 30 秒之間。</translation>
    </message>
    <message>
        <source>Invalid input: %1</source>
        <translation>輸入無效：%1</translation>
    </message>
    <message>
        <source>Checking %1 (MQTT over WebSockets, port 443, through the proxy %2) ...</source>
        <translation>正在檢查 %1 (透過 WebSockets 的 MQTT，連接埠 443，透過 Proxy %2) ...</translation>
    </message>
    <message>
        <source>Checking %1 (MQTT, port 8883, through the proxy %2) ...</source>
        <translation>正在檢查 %1 (MQTT，連接埠 8883，透過 Proxy %2) ...</translation>
    </message>
    <message>
        <source>Checking %1 (MQTT over WebSockets, port 443) ...</source>
        <translation>正在檢查 %1 (透過 WebSockets 的 MQTT，連接埠 443) ...</translation>
    </message>
    <message>
        <source>Checking %1 (MQTT, port 8883) ...</source>
        <translation>正在檢查 %1 (MQTT，連接埠 8883) ...</translation>
    </message>
    <message>
        <source>Invalid input:</source>
        <translation>輸入無效：</translation>
    </message>
    <message>
        <source>Demo: built-in emulator at %1 (DPS) and %2 (IoT hub), ID scope %3.</source>
        <translation>示範：內建模擬器位於 %1 (DPS) 和 %2 (IoT 中樞)，識別碼範圍 %3。</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; does not exist (see: dps-wizard profiles list).</source>
        <translation>設定檔 &apos;%1&apos; 不存在 (請參閱：dps-wizard profiles list)。</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; has no saved key in the keyring: run it once from the wizard with &apos;Remember the key&apos; ticked, or use the environment variables.</source>
        <translation>設定檔 &apos;%1&apos; 在金鑰環中沒有已儲存的金鑰：請在精靈中勾選「記住金鑰」執行一次，或使用環境變數。</translation>
    </message>
    <message>
        <source>Warning: the profile was not saved: %1</source>
        <translation>警告：未儲存設定檔：%1</translation>
    </message>
    <message>
        <source>Warning: profile &apos;%1&apos; saved without its key: %2</source>
        <translation>警告：已儲存設定檔 &apos;%1&apos;，但未儲存其金鑰：%2</translation>
    </message>
    <message>
        <source>Saved profile &apos;%1&apos; (key in %2).</source>
        <translation>已儲存設定檔 &apos;%1&apos; (金鑰在 %2 中)。</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Expecting value</source>
        <translation>預期應為值</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>預期應為以雙引號括住的屬性名稱</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>預期應為 &apos;:&apos; 分隔符號</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>預期應為 &apos;,&apos; 分隔符號</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>有多餘的資料</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>字串未結束，起始於</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>無效的 \ 逸出字元</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>無效的控制字元，位於</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1是空的。</translation>
    </message>
    <message>
        <source>%1 is not valid Base64 (only A-Z, a-z, 0-9, + and / with = padding).</source>
        <translation>%1不是有效的 Base64 (只能使用 A-Z、a-z、0-9、+ 和 /，並以 = 填補)。</translation>
    </message>
    <message>
        <source>%1 decodes to %2 bytes; a DPS key is %3 to %4 bytes.</source>
        <translation>%1解碼後為 %2 個位元組；DPS 金鑰應為 %3 到 %4 個位元組。</translation>
    </message>
    <message>
        <source>Check that the group key is the enrollment group&apos;s primary or secondary key (copied whole), that the registration ID is the one this device should have, and that the ID scope is the one on the DPS Overview page.</source>
        <translation>請確認群組金鑰是註冊群組的主要或次要金鑰 (完整複製)、註冊識別碼是此裝置應有的識別碼，且識別碼範圍與 DPS [概觀] 頁面上的相同。</translation>
    </message>
    <message>
        <source>Check that the key is the enrollment&apos;s primary or secondary key (copied whole), that the registration ID matches the enrollment exactly, and that the ID scope is the one on the DPS Overview page. If the key belongs to an enrollment group, choose &apos;Enrollment group&apos; (--group): the device key is derived from it.</source>
        <translation>請確認金鑰是註冊的主要或次要金鑰 (完整複製)、註冊識別碼與註冊完全相符，且識別碼範圍與 DPS [概觀] 頁面上的相同。如果金鑰屬於註冊群組，請選擇「註冊群組」(--group)：裝置金鑰會由它衍生而來。</translation>
    </message>
    <message>
        <source>the IoT hub</source>
        <translation>IoT 中樞</translation>
    </message>
    <message>
        <source>the IoT hub (twin)</source>
        <translation>IoT 中樞 (對應項)</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>建立連線</translation>
    </message>
    <message>
        <source>reading the twin</source>
        <translation>讀取對應項</translation>
    </message>
    <message>
        <source>sending telemetry</source>
        <translation>傳送遙測</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not trusted</source>
        <translation>伺服器的憑證不受信任</translation>
    </message>
    <message>
        <source>The TLS connection to the provisioning endpoint failed certificate verification. A company proxy that inspects TLS, or an IoT Edge gateway, presents its own certificate.</source>
        <translation>與佈建端點的 TLS 連線未通過憑證驗證。會檢查 TLS 的公司 Proxy 或 IoT Edge 閘道，會出示它自己的憑證。</translation>
    </message>
    <message>
        <source>Add your company&apos;s or gateway&apos;s root certificate as the trusted CA certificate (it replaces the system roots), or ask IT to exempt *.azure-devices-provisioning.net.</source>
        <translation>將貴公司或閘道的根憑證新增為信任的 CA 憑證 (它會取代系統根憑證)，或請 IT 部門將 *.azure-devices-provisioning.net 設為例外。</translation>
    </message>
    <message>
        <source>DPS refused the device&apos;s credentials</source>
        <translation>DPS 拒絕了裝置的認證</translation>
    </message>
    <message>
        <source>The provisioning service did not accept the SAS token made from this key, registration ID and ID scope.</source>
        <translation>佈建服務不接受以此金鑰、註冊識別碼和識別碼範圍產生的 SAS 權杖。</translation>
    </message>
    <message>
        <source>DPS does not know this registration</source>
        <translation>DPS 不認得此註冊</translation>
    </message>
    <message>
        <source>No enrollment matches this registration ID in this ID scope.</source>
        <translation>此識別碼範圍中沒有任何註冊符合此註冊識別碼。</translation>
    </message>
    <message>
        <source>Check the registration ID (lower case, exactly as in the enrollment) and the ID scope.</source>
        <translation>請檢查註冊識別碼 (小寫，與註冊中完全相同) 和識別碼範圍。</translation>
    </message>
    <message>
        <source>The enrollment is disabled</source>
        <translation>註冊已停用</translation>
    </message>
    <message>
        <source>DPS found the enrollment but it is disabled, so it will not assign the device.</source>
        <translation>DPS 找到了註冊，但註冊已停用，因此不會指派裝置。</translation>
    </message>
    <message>
        <source>Enable the enrollment (or the device&apos;s registration) in the Azure portal, then run again.</source>
        <translation>請在 Azure 入口網站中啟用註冊 (或裝置的註冊)，然後再執行一次。</translation>
    </message>
    <message>
        <source>The provisioning service answered that the registration failed: %1</source>
        <translation>佈建服務回應註冊失敗：%1</translation>
    </message>
    <message>
        <source>The provisioning service answered that the registration failed.</source>
        <translation>佈建服務回應註冊失敗。</translation>
    </message>
    <message>
        <source>DPS could not assign the device</source>
        <translation>DPS 無法指派裝置</translation>
    </message>
    <message>
        <source>Check the enrollment&apos;s allocation policy and linked IoT hubs, and any custom allocation function, then run again.</source>
        <translation>請檢查註冊的配置原則、連結的 IoT 中樞，以及任何自訂配置函式，然後再執行一次。</translation>
    </message>
    <message>
        <source>The proxy refused or failed the connection</source>
        <translation>Proxy 拒絕連線或連線失敗</translation>
    </message>
    <message>
        <source>The connection through the configured proxy did not succeed.</source>
        <translation>透過已設定之 Proxy 的連線未成功。</translation>
    </message>
    <message>
        <source>Check the proxy host, port and credentials; MQTT over WebSockets (port 443) is the mode proxies usually allow.</source>
        <translation>請檢查 Proxy 主機、連接埠和認證；Proxy 通常允許的是透過 WebSockets 的 MQTT (連接埠 443)。</translation>
    </message>
    <message>
        <source>The provisioning endpoint&apos;s name could not be resolved</source>
        <translation>無法解析佈建端點的名稱</translation>
    </message>
    <message>
        <source>The host name was not found by DNS.</source>
        <translation>DNS 找不到此主機名稱。</translation>
    </message>
    <message>
        <source>Check the spelling of the provisioning endpoint and your network&apos;s DNS.</source>
        <translation>請檢查佈建端點的拼字和您網路的 DNS。</translation>
    </message>
    <message>
        <source>Could not reach the provisioning service</source>
        <translation>無法連線到佈建服務</translation>
    </message>
    <message>
        <source>The connection to the provisioning endpoint failed (port 8883, or 443 with WebSockets).</source>
        <translation>與佈建端點的連線失敗 (連接埠 8883，或使用 WebSockets 時為 443)。</translation>
    </message>
    <message>
        <source>Check the network; if a firewall blocks port 8883, use MQTT over WebSockets (port 443) in Advanced, and set the proxy if your network needs one.</source>
        <translation>請檢查網路；如果防火牆封鎖了連接埠 8883，請在 [進階] 中使用透過 WebSockets 的 MQTT (連接埠 443)，若您的網路需要 Proxy，也請一併設定。</translation>
    </message>
    <message>
        <source>DPS is throttling or failing requests</source>
        <translation>DPS 正在節流或要求失敗</translation>
    </message>
    <message>
        <source>The provisioning service kept answering %1; the SDK retried until the time ran out.</source>
        <translation>佈建服務持續回應 %1；SDK 一直重試到時間用完。</translation>
    </message>
    <message>
        <source>Wait a few minutes and run again; if it persists, check the DPS instance&apos;s quotas.</source>
        <translation>請等候幾分鐘後再執行；如果問題持續，請檢查 DPS 執行個體的配額。</translation>
    </message>
    <message>
        <source>DPS did not answer in time</source>
        <translation>DPS 未及時回應</translation>
    </message>
    <message>
        <source>The provisioning service did not answer the registration request before the deadline.</source>
        <translation>佈建服務未在期限前回應註冊要求。</translation>
    </message>
    <message>
        <source>Check the network and the endpoint; a longer timeout helps on slow links.</source>
        <translation>請檢查網路和端點；連線較慢時，延長逾時會有幫助。</translation>
    </message>
    <message>
        <source>Provisioning failed</source>
        <translation>佈建失敗</translation>
    </message>
    <message>
        <source>The SDK reported an error the wizard does not recognise.</source>
        <translation>SDK 回報了精靈無法辨識的錯誤。</translation>
    </message>
    <message>
        <source>Open the details for the raw error; check the settings and run again.</source>
        <translation>請開啟詳細資料查看原始錯誤；檢查設定後再執行一次。</translation>
    </message>
    <message>
        <source>DPS kept the device waiting</source>
        <translation>DPS 讓裝置持續等候</translation>
    </message>
    <message>
        <source>The provisioning service answered %1 %2 times; the run gave up after %3 s.</source>
        <translation>佈建服務回應了 %2 次 %1；執行在 %3 秒後放棄。</translation>
    </message>
    <message>
        <source>DPS is throttling this device or its instance. Wait a few minutes and run again.</source>
        <translation>DPS 正在對此裝置或其執行個體進行節流。請等候幾分鐘後再執行。</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s</source>
        <translation>%1 在 %2 秒內沒有回應</translation>
    </message>
    <message>
        <source>The run&apos;s timeout passed before %1 answered.</source>
        <translation>在 %1 回應之前，執行已逾時。</translation>
    </message>
    <message>
        <source>Check the network and the endpoint (a firewall may drop traffic silently); raise the timeout for slow links.</source>
        <translation>請檢查網路和端點 (防火牆可能會無聲地丟棄流量)；連線較慢時請延長逾時。</translation>
    </message>
    <message>
        <source>The IoT hub refused the device</source>
        <translation>IoT 中樞拒絕了裝置</translation>
    </message>
    <message>
        <source>The hub that DPS assigned did not accept the device&apos;s credentials.</source>
        <translation>DPS 指派的中樞不接受裝置的認證。</translation>
    </message>
    <message>
        <source>The device may be disabled in the IoT hub, or its key changed since it was provisioned. Check the device in the hub&apos;s Devices page.</source>
        <translation>裝置可能已在 IoT 中樞中停用，或其金鑰在佈建後已變更。請在中樞的 [裝置] 頁面中檢查此裝置。</translation>
    </message>
    <message>
        <source>The IoT hub&apos;s certificate was not trusted</source>
        <translation>IoT 中樞的憑證不受信任</translation>
    </message>
    <message>
        <source>TLS verification of the assigned hub failed.</source>
        <translation>指派之中樞的 TLS 驗證失敗。</translation>
    </message>
    <message>
        <source>Add the right root certificate as trusted CA (a TLS-inspecting proxy or gateway).</source>
        <translation>請將正確的根憑證新增為信任的 CA (會檢查 TLS 的 Proxy 或閘道)。</translation>
    </message>
    <message>
        <source>The IoT hub connection failed while %1</source>
        <translation>IoT 中樞連線在%1時失敗</translation>
    </message>
    <message>
        <source>The connection to the assigned IoT hub failed or dropped.</source>
        <translation>與指派之 IoT 中樞的連線失敗或中斷。</translation>
    </message>
    <message>
        <source>Check the network (port 8883, or 443 with WebSockets) and run again.</source>
        <translation>請檢查網路 (連接埠 8883，或使用 WebSockets 時為 443)，然後再執行一次。</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>設定檔名稱</translation>
    </message>
    <message>
        <source>Provisioning endpoint</source>
        <translation>佈建端點</translation>
    </message>
    <message>
        <source>ID scope</source>
        <translation>識別碼範圍</translation>
    </message>
    <message>
        <source>Registration ID</source>
        <translation>註冊識別碼</translation>
    </message>
    <message>
        <source>Symmetric key</source>
        <translation>對稱金鑰</translation>
    </message>
    <message>
        <source>Ask IT for the company&apos;s root certificate (or export it from the browser&apos;s certificate view as Base-64 .pem) and choose it as the Trusted CA certificate. It replaces the system roots, so to reach Azure directly as well, put the Azure roots (DigiCert Global Root G2, Baltimore CyberTrust Root, Microsoft RSA Root Certificate Authority 2017) in the same file.</source>
        <translation>請向 IT 部門索取公司的根憑證 (或從瀏覽器的憑證檢視匯出為 Base-64 .pem)，並將它選為信任的 CA 憑證。它會取代系統根憑證，因此若也要直接連線至 Azure，請將 Azure 根憑證 (DigiCert Global Root G2、Baltimore CyberTrust Root、Microsoft RSA Root Certificate Authority 2017) 放在同一個檔案中。</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 s</source>
        <translation>%1 在 %2 秒內沒有回應</translation>
    </message>
    <message>
        <source>%1 refused the connection</source>
        <translation>%1 拒絕了連線</translation>
    </message>
    <message>
        <source>%1 reset the connection</source>
        <translation>%1 重設了連線</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more problem(s).</source>
        <translation>
            <numerusform>... 還有 %n 個問題。</numerusform>
        </translation>
    </message>
    <message>
        <source>{%1} is not a numeric range; write it like {1..50} or {001..100}</source>
        <translation>{%1} 不是數字範圍；請寫成 {1..50} 或 {001..100} 的形式</translation>
    </message>
    <message>
        <source>{%1} is %2 IDs; a batch holds at most %3</source>
        <translation>{%1} 共有 %2 個識別碼；一個批次最多 %3 個</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has unmatched or nested braces; write a range like sensor-{001..100}</source>
        <translation>&apos;%1&apos; 的大括號不成對或有巢狀；請寫成 sensor-{001..100} 之類的範圍</translation>
    </message>
    <message>
        <source>&apos;%1&apos; stands for %2 IDs; a batch holds at most %3</source>
        <translation>&apos;%1&apos; 代表 %2 個識別碼；一個批次最多 %3 個</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is listed again (first at %2); it runs once</source>
        <translation>&apos;%1&apos; 重複列出 (第一次在%2)；只會執行一次</translation>
    </message>
    <message>
        <source>more than %1 IDs; a batch holds at most %2: split the list</source>
        <translation>超過 %1 個識別碼；一個批次最多 %2 個：請分割清單</translation>
    </message>
    <message>
        <source>line %1, item %2</source>
        <translation>第 %1 行第 %2 項</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>第 %1 項</translation>
    </message>
    <message>
        <source>&apos;%1&apos; gives IDs like &apos;%2&apos;: %3</source>
        <translation>&apos;%1&apos; 產生的識別碼如 &apos;%2&apos;：%3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No registration IDs: type or paste IDs separated by commas or new lines, or a pattern such as sensor-{001..100}</source>
        <translation>沒有註冊識別碼：請輸入或貼上以逗號或換行分隔的識別碼，或 sensor-{001..100} 之類的模式</translation>
    </message>
    <message>
        <source>the header row (%1) has no &apos;%2&apos; column</source>
        <translation>標題列 (%1) 沒有 &apos;%2&apos; 欄</translation>
    </message>
    <message>
        <source>the %1 cell is empty</source>
        <translation>%1 儲存格是空的</translation>
    </message>
    <message>
        <source>not readable as CSV: %1</source>
        <translation>無法當作 CSV 讀取：%1</translation>
    </message>
    <message>
        <source>the CSV file is empty; it needs a header row with a &apos;%1&apos; column</source>
        <translation>CSV 檔案是空的；需要含有 &apos;%1&apos; 欄的標題列</translation>
    </message>
    <message>
        <source>the CSV file has a header but no devices</source>
        <translation>CSV 檔案有標題列，但沒有任何裝置</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>無法讀取：%1</translation>
    </message>
    <message>
        <source>is not a text file (save it as CSV UTF-8)</source>
        <translation>不是文字檔 (請另存為 CSV UTF-8)</translation>
    </message>
    <message>
        <source>DNS did not answer within %1 s</source>
        <translation>DNS 在 %1 秒內沒有回應</translation>
    </message>
    <message>
        <source>The name server did not answer in time.</source>
        <translation>名稱伺服器未及時回應。</translation>
    </message>
    <message>
        <source>%1 could not be resolved (%2)</source>
        <translation>無法解析 %1 (%2)</translation>
    </message>
    <message>
        <source>DNS does not know this name.</source>
        <translation>DNS 不認得此名稱。</translation>
    </message>
    <message>
        <source>%1 is an IP address: nothing to resolve</source>
        <translation>%1 是 IP 位址：不需要解析</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 解析為 %2</translation>
    </message>
    <message>
        <source>Check the spelling of the endpoint (for Azure: global.azure-devices-provisioning.net) and the network. Networks that reach the internet only through a proxy often do not resolve outside names: set the proxy (it resolves names itself).</source>
        <translation>請檢查端點的拼字 (Azure 為 global.azure-devices-provisioning.net) 和網路。只能透過 Proxy 連上網際網路的網路，通常無法解析外部名稱：請設定 Proxy (它會自行解析名稱)。</translation>
    </message>
    <message>
        <source>the proxy closed the connection without answering CONNECT</source>
        <translation>Proxy 未回應 CONNECT 就關閉了連線</translation>
    </message>
    <message>
        <source>The proxy did not open a tunnel.</source>
        <translation>Proxy 沒有開啟通道。</translation>
    </message>
    <message>
        <source>Check the proxy host and port.</source>
        <translation>請檢查 Proxy 主機和連接埠。</translation>
    </message>
    <message>
        <source>the proxy wants a login (%1)</source>
        <translation>Proxy 要求登入 (%1)</translation>
    </message>
    <message>
        <source>The proxy requires authentication, which the SDK does not send to an HTTP proxy.</source>
        <translation>Proxy 要求驗證，但 SDK 不會對 HTTP Proxy 傳送驗證資訊。</translation>
    </message>
    <message>
        <source>Ask IT to let *.azure-devices-provisioning.net and *.azure-devices.net through without a login, or use a SOCKS proxy.</source>
        <translation>請 IT 部門讓 *.azure-devices-provisioning.net 和 *.azure-devices.net 不需登入即可通過，或改用 SOCKS Proxy。</translation>
    </message>
    <message>
        <source>Use MQTT over WebSockets (port 443): proxies usually allow only 443.</source>
        <translation>請使用透過 WebSockets 的 MQTT (連接埠 443)：Proxy 通常只允許 443。</translation>
    </message>
    <message>
        <source>Ask IT to allow CONNECT to *.azure-devices-provisioning.net and *.azure-devices.net on port 443.</source>
        <translation>請 IT 部門允許對 *.azure-devices-provisioning.net 和 *.azure-devices.net 的連接埠 443 使用 CONNECT。</translation>
    </message>
    <message>
        <source>no status line</source>
        <translation>沒有狀態行</translation>
    </message>
    <message>
        <source>the proxy refused the tunnel to port %1 (%2)</source>
        <translation>Proxy 拒絕了通往連接埠 %1 的通道 (%2)</translation>
    </message>
    <message>
        <source>The proxy does not allow connections to %1 on port %2.</source>
        <translation>Proxy 不允許連線至 %1 的連接埠 %2。</translation>
    </message>
    <message>
        <source>TCP %1 through the proxy %2:%3</source>
        <translation>透過 Proxy %2:%3 連線 TCP %1</translation>
    </message>
    <message>
        <source>TCP %1 direct</source>
        <translation>TCP %1 直接連線</translation>
    </message>
    <message>
        <source>not tried: the proxy&apos;s name did not resolve</source>
        <translation>未嘗試：無法解析 Proxy 的名稱</translation>
    </message>
    <message>
        <source>not tried: the name did not resolve</source>
        <translation>未嘗試：無法解析名稱</translation>
    </message>
    <message>
        <source>the proxy %1:%2</source>
        <translation>Proxy %1:%2</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>連接埠 %1</translation>
    </message>
    <message>
        <source>The proxy could not be reached, so no tunnel was tried.</source>
        <translation>無法連上 Proxy，因此未嘗試建立通道。</translation>
    </message>
    <message>
        <source>Check the proxy host and port (the ones your browser uses; on Windows: Settings &gt; Network &amp; internet &gt; Proxy).</source>
        <translation>請檢查 Proxy 主機和連接埠 (與瀏覽器使用的相同；在 Windows 上：設定 &gt; 網路和網際網路 &gt; Proxy)。</translation>
    </message>
    <message>
        <source>Nothing accepts connections on port %1 there, or a firewall rejects them.</source>
        <translation>該處的連接埠 %1 沒有任何程式接受連線，或是防火牆拒絕了連線。</translation>
    </message>
    <message>
        <source>Connections to port %1 are dropped, as a firewall that blocks the port does.</source>
        <translation>連往連接埠 %1 的連線遭到丟棄，就像防火牆封鎖該連接埠時一樣。</translation>
    </message>
    <message>
        <source>connected to %1:%2 through the proxy in %3 ms</source>
        <translation>已在 %3 ms 內透過 Proxy 連線至 %1:%2</translation>
    </message>
    <message>
        <source>connected to %1 in %2 ms</source>
        <translation>已在 %2 ms 內連線至 %1</translation>
    </message>
    <message>
        <source>Use MQTT over WebSockets (port 443): Advanced &gt; WebSockets, or --websockets. If 443 is blocked too, set your network&apos;s proxy.</source>
        <translation>請使用透過 WebSockets 的 MQTT (連接埠 443)：[進階] &gt; WebSockets，或 --websockets。如果 443 也遭到封鎖，請設定您網路的 Proxy。</translation>
    </message>
    <message>
        <source>Set your network&apos;s HTTP proxy (Advanced &gt; Proxy), or ask IT to allow outbound 8883 or 443 to *.azure-devices-provisioning.net and *.azure-devices.net.</source>
        <translation>請設定您網路的 HTTP Proxy ([進階] &gt; Proxy)，或請 IT 部門允許連往 *.azure-devices-provisioning.net 和 *.azure-devices.net 的輸出 8883 或 443。</translation>
    </message>
    <message>
        <source>TLS on %1 through the proxy</source>
        <translation>透過 Proxy 的 %1 上的 TLS</translation>
    </message>
    <message>
        <source>TLS on %1</source>
        <translation>%1 上的 TLS</translation>
    </message>
    <message>
        <source>no TLS answer within %1 s</source>
        <translation>%1 秒內沒有 TLS 回應</translation>
    </message>
    <message>
        <source>The connection opened but the server never finished the TLS handshake: something on the path accepts connections without speaking TLS (a firewall or proxy).</source>
        <translation>連線已開啟，但伺服器始終未完成 TLS 交握：路徑上有東西接受了連線卻不使用 TLS (防火牆或 Proxy)。</translation>
    </message>
    <message>
        <source>Set the proxy your network uses, or try MQTT over WebSockets (port 443).</source>
        <translation>請設定您網路使用的 Proxy，或嘗試透過 WebSockets 的 MQTT (連接埠 443)。</translation>
    </message>
    <message>
        <source>TLS failed: %1</source>
        <translation>TLS 失敗：%1</translation>
    </message>
    <message>
        <source>The TLS handshake (TLS 1.2, as the SDK uses) did not succeed.</source>
        <translation>TLS 交握 (與 SDK 相同使用 TLS 1.2) 未成功。</translation>
    </message>
    <message>
        <source>A proxy or firewall may be interfering; set the proxy or try WebSockets.</source>
        <translation>可能有 Proxy 或防火牆干擾；請設定 Proxy 或嘗試 WebSockets。</translation>
    </message>
    <message>
        <source>%1 handshake ok; certificate for %2 issued by %3, valid until %4</source>
        <translation>%1 交握正常；%2 的憑證，簽發者 %3，有效期限至 %4</translation>
    </message>
    <message>
        <source>%1 handshake ok</source>
        <translation>%1 交握正常</translation>
    </message>
    <message>
        <source>%1; root %2</source>
        <translation>%1；根憑證 %2</translation>
    </message>
    <message>
        <source>The chain ends at &apos;%1&apos;, not at one of the roots Azure uses: a proxy or firewall inspects TLS. It works here because that root is trusted.</source>
        <translation>憑證鏈結束於 &apos;%1&apos;，而不是 Azure 使用的根憑證之一：有 Proxy 或防火牆會檢查 TLS。因為該根憑證受信任，所以在這裡可以運作。</translation>
    </message>
    <message>
        <source>Keep that root in the Trusted CA certificate on every machine that runs the device.</source>
        <translation>請在每部執行此裝置的電腦上，將該根憑證保留在信任的 CA 憑證中。</translation>
    </message>
    <message>
        <source>the certificate was not trusted (%1); issued by %2</source>
        <translation>憑證不受信任 (%1)；簽發者 %2</translation>
    </message>
    <message>
        <source>the certificate was not trusted (%1)</source>
        <translation>憑證不受信任 (%1)</translation>
    </message>
    <message>
        <source>The certificate is not for %1.</source>
        <translation>此憑證不是 %1 的憑證。</translation>
    </message>
    <message>
        <source>Check the endpoint name; a gateway or proxy may be answering instead.</source>
        <translation>請檢查端點名稱；可能是閘道或 Proxy 代為回應。</translation>
    </message>
    <message>
        <source>The certificate is outside its validity period by this computer&apos;s clock.</source>
        <translation>依這部電腦的時鐘，此憑證不在有效期間內。</translation>
    </message>
    <message>
        <source>Check the computer&apos;s date and time (SAS tokens need it too).</source>
        <translation>請檢查電腦的日期和時間 (SAS 權杖也需要正確的時間)。</translation>
    </message>
    <message>
        <source>A proxy or firewall on this network inspects TLS: the chain ends at &apos;%1&apos;, not at one of the roots Azure uses (DigiCert Global Root G2, Baltimore CyberTrust Root, Microsoft RSA Root Certificate Authority 2017).</source>
        <translation>此網路上有 Proxy 或防火牆會檢查 TLS：憑證鏈結束於 &apos;%1&apos;，而不是 Azure 使用的根憑證之一 (DigiCert Global Root G2、Baltimore CyberTrust Root、Microsoft RSA Root Certificate Authority 2017)。</translation>
    </message>
    <message>
        <source>an unknown issuer</source>
        <translation>不明的簽發者</translation>
    </message>
    <message>
        <source>The chain ends at &apos;%1&apos;, a root Azure uses, but it is not trusted here. The trusted CA file replaces the system roots and does not contain it.</source>
        <translation>憑證鏈結束於 Azure 使用的根憑證 &apos;%1&apos;，但它在這裡不受信任。信任的 CA 檔案會取代系統根憑證，而其中不含此根憑證。</translation>
    </message>
    <message>
        <source>The chain ends at &apos;%1&apos;, a root Azure uses, but it is not trusted here. This machine&apos;s root store lacks it.</source>
        <translation>憑證鏈結束於 Azure 使用的根憑證 &apos;%1&apos;，但它在這裡不受信任。這部電腦的根憑證存放區缺少此根憑證。</translation>
    </message>
    <message>
        <source>Add DigiCert Global Root G2, Baltimore CyberTrust Root and Microsoft RSA Root Certificate Authority 2017 to the Trusted CA file (or clear the field).</source>
        <translation>請將 DigiCert Global Root G2、Baltimore CyberTrust Root 和 Microsoft RSA Root Certificate Authority 2017 新增至信任的 CA 檔案 (或清除此欄位)。</translation>
    </message>
    <message>
        <source>The server&apos;s chain ends at &apos;%1&apos;, which is not trusted by the trusted CA file.</source>
        <translation>伺服器的憑證鏈結束於 &apos;%1&apos;，而信任的 CA 檔案不信任它。</translation>
    </message>
    <message>
        <source>The server&apos;s chain ends at &apos;%1&apos;, which is not trusted by this machine.</source>
        <translation>伺服器的憑證鏈結束於 &apos;%1&apos;，而這部電腦不信任它。</translation>
    </message>
    <message>
        <source>If this is an IoT Edge gateway, the emulator or a TLS-inspecting proxy, choose its root certificate as the Trusted CA certificate.</source>
        <translation>如果這是 IoT Edge 閘道、模擬器或會檢查 TLS 的 Proxy，請將它的根憑證選為信任的 CA 憑證。</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>時鐘</translation>
    </message>
    <message>
        <source>this computer&apos;s clock is %1 min behind the server&apos;s (from its HTTP Date header: a hint)</source>
        <translation>這部電腦的時鐘比伺服器慢 %1 分鐘 (依據伺服器的 HTTP Date 標頭：僅供參考)</translation>
    </message>
    <message>
        <source>this computer&apos;s clock is %1 min ahead of the server&apos;s (from its HTTP Date header: a hint)</source>
        <translation>這部電腦的時鐘比伺服器快 %1 分鐘 (依據伺服器的 HTTP Date 標頭：僅供參考)</translation>
    </message>
    <message>
        <source>SAS tokens carry an expiry time; a clock this far off makes DPS or the hub refuse them.</source>
        <translation>SAS 權杖帶有到期時間；時鐘偏差這麼大，會使 DPS 或中樞拒絕權杖。</translation>
    </message>
    <message>
        <source>Set the clock automatically (Windows: Settings &gt; Time &amp; language &gt; Date &amp; time &gt; Sync now).</source>
        <translation>請自動設定時鐘 (Windows：設定 &gt; 時間與語言 &gt; 日期和時間 &gt; 立即同步)。</translation>
    </message>
    <message>
        <source>within %1 s of the server&apos;s clock (from its HTTP Date header: a hint)</source>
        <translation>與伺服器時鐘相差在 %1 秒內 (依據伺服器的 HTTP Date 標頭：僅供參考)</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid yet by this computer&apos;s clock (valid from %1 UTC)</source>
        <translation>依這部電腦的時鐘，伺服器的憑證尚未生效 (生效時間為 UTC %1)</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is probably behind.</source>
        <translation>這部電腦的時鐘可能慢了。</translation>
    </message>
    <message>
        <source>Set the clock automatically; SAS tokens depend on it.</source>
        <translation>請自動設定時鐘；SAS 權杖需要正確的時間。</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is valid by this computer&apos;s clock (a coarse hint; no HTTP Date header was available)</source>
        <translation>依這部電腦的時鐘，伺服器的憑證在有效期間內 (粗略參考；沒有可用的 HTTP Date 標頭)</translation>
    </message>
    <message>
        <source>could not be told (no TLS or HTTP answer)</source>
        <translation>無法判斷 (沒有 TLS 或 HTTP 回應)</translation>
    </message>
    <message>
        <source>Trusted CA certificate</source>
        <translation>信任的 CA 憑證</translation>
    </message>
    <message>
        <source>already assigned in this batch</source>
        <translation>已在此批次中指派</translation>
    </message>
    <message>
        <source>The run failed unexpectedly</source>
        <translation>執行意外失敗</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source>Run the device again; report the problem if it persists.</source>
        <translation>請再執行一次此裝置；如果問題持續，請回報。</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>%1 proxies are not checked; only HTTP</source>
        <translation>不檢查 %1 Proxy；只檢查 HTTP</translation>
    </message>
    <message>
        <source>DNS %1</source>
        <translation>DNS %1</translation>
    </message>
    <message>
        <source>DNS of the proxy %1</source>
        <translation>Proxy %1 的 DNS</translation>
    </message>
    <message>
        <source>Direct connections are blocked, but the proxy gets through: keep the proxy set.</source>
        <translation>直接連線遭到封鎖，但透過 Proxy 可以連通：請保留 Proxy 設定。</translation>
    </message>
    <message>
        <source>Local DNS does not resolve the name, but the proxy resolves it itself: this is fine.</source>
        <translation>本機 DNS 無法解析此名稱，但 Proxy 會自行解析：這沒有問題。</translation>
    </message>
    <message>
        <source>The endpoint&apos;s name does not resolve: check its spelling, or set the proxy if your network needs one.</source>
        <translation>無法解析端點的名稱：請檢查拼字，若您的網路需要 Proxy，請設定 Proxy。</translation>
    </message>
    <message>
        <source>The device&apos;s connection (MQTT over WebSockets on port 443) gets through: provisioning should work from this network.</source>
        <translation>裝置的連線 (連接埠 443 上透過 WebSockets 的 MQTT) 可以連通：從此網路佈建應該可以成功。</translation>
    </message>
    <message>
        <source>The device&apos;s connection (MQTT on port 8883) gets through: provisioning should work from this network.</source>
        <translation>裝置的連線 (連接埠 8883 上的 MQTT) 可以連通：從此網路佈建應該可以成功。</translation>
    </message>
    <message>
        <source>Port 8883 does not get through but 443 does: switch to MQTT over WebSockets (port 443).</source>
        <translation>連接埠 8883 無法連通，但 443 可以：請改用透過 WebSockets 的 MQTT (連接埠 443)。</translation>
    </message>
    <message>
        <source>Neither 8883 nor 443 gets through: set your network&apos;s HTTP proxy and use MQTT over WebSockets.</source>
        <translation>8883 和 443 都無法連通：請設定您網路的 HTTP Proxy，並使用透過 WebSockets 的 MQTT。</translation>
    </message>
    <message>
        <source>TLS is inspected on this network: add the company&apos;s root certificate as the Trusted CA.</source>
        <translation>此網路會檢查 TLS：請將公司的根憑證新增為信任的 CA。</translation>
    </message>
    <message>
        <source>The port is open but the server&apos;s certificate is not trusted: set the Trusted CA certificate (see the TLS lines above).</source>
        <translation>連接埠已開啟，但伺服器的憑證不受信任：請設定信任的 CA 憑證 (請參閱上方的 TLS 各行)。</translation>
    </message>
    <message>
        <source>Fix the computer&apos;s clock: SAS tokens depend on it.</source>
        <translation>請修正電腦的時鐘：SAS 權杖需要正確的時間。</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>Proxy 主機</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>Proxy 連接埠</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>逾時</translation>
    </message>
    <message>
        <source>Number of messages</source>
        <translation>訊息數目</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>間隔</translation>
    </message>
    <message>
        <source>Payload template</source>
        <translation>承載範本</translation>
    </message>
    <message>
        <source>Custom properties</source>
        <translation>自訂屬性</translation>
    </message>
    <message>
        <source>Provisioning payload</source>
        <translation>佈建承載</translation>
    </message>
    <message>
        <source>Group key</source>
        <translation>群組金鑰</translation>
    </message>
    <message>
        <source>%1 is empty: enter a host name such as global.azure-devices-provisioning.net.</source>
        <translation>%1是空的：請輸入主機名稱，例如 global.azure-devices-provisioning.net。</translation>
    </message>
    <message>
        <source>%1 must be a host name only, without https://, a port or a path.</source>
        <translation>%1只能是主機名稱，不可包含 https://、連接埠或路徑。</translation>
    </message>
    <message>
        <source>%1 is not a valid host name (letters, digits, hyphens and dots).</source>
        <translation>%1不是有效的主機名稱 (只能使用字母、數字、連字號和點)。</translation>
    </message>
    <message>
        <source>%1 is empty: copy it from the DPS instance&apos;s Overview page in the Azure portal.</source>
        <translation>%1是空的：請從 Azure 入口網站中 DPS 執行個體的 [概觀] 頁面複製。</translation>
    </message>
    <message>
        <source>%1 contains spaces or characters that are never part of an ID scope.</source>
        <translation>%1包含空格或絕不會出現在識別碼範圍中的字元。</translation>
    </message>
    <message>
        <source>%1 does not look like one from Azure (0ne followed by 8 hexadecimal digits, e.g. 0ne00012345).</source>
        <translation>%1看起來不像 Azure 的識別碼範圍 (0ne 加上 8 個十六進位數字，例如 0ne00012345)。</translation>
    </message>
    <message>
        <source>%1 is empty: enter the registration ID of the enrollment.</source>
        <translation>%1是空的：請輸入註冊的註冊識別碼。</translation>
    </message>
    <message>
        <source>%1 cannot contain %2 or a space.</source>
        <translation>%1不可包含 %2 或空格。</translation>
    </message>
    <message>
        <source>%1 cannot contain %2.</source>
        <translation>%1不可包含 %2。</translation>
    </message>
    <message>
        <source>%1 cannot contain a space.</source>
        <translation>%1不可包含空格。</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; the limit is 128.</source>
        <translation>%1長度為 %2 個字元；上限是 128 個。</translation>
    </message>
    <message>
        <source>%1 must be lower case (DPS registration IDs are lower case).</source>
        <translation>%1必須是小寫 (DPS 註冊識別碼都是小寫)。</translation>
    </message>
    <message>
        <source>%1 may only use a-z, 0-9, &apos;-&apos;, &apos;.&apos;, &apos;_&apos; and &apos;:&apos;, and must start and end with a letter or digit.</source>
        <translation>%1只能使用 a-z、0-9、&apos;-&apos;、&apos;.&apos;、&apos;_&apos; 和 &apos;:&apos;，且開頭和結尾必須是字母或數字。</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 (line %3, column %4).</source>
        <translation>%1不是有效的 JSON：%2 (第 %3 行，第 %4 欄)。</translation>
    </message>
    <message>
        <source>%1 is empty: give the profile a name you will recognise.</source>
        <translation>%1是空的：請為設定檔取一個您認得出的名稱。</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1超過 %2 個字元。</translation>
    </message>
    <message>
        <source>%1 cannot contain control characters.</source>
        <translation>%1不可包含控制字元。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a valid property name (letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;).</source>
        <translation>%1：&apos;%2&apos; 不是有效的屬性名稱 (只能使用字母、數字、&apos;_&apos;、&apos;.&apos;、&apos;-&apos;)。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is reserved by IoT Hub.</source>
        <translation>%1：&apos;%2&apos; 是 IoT 中樞保留的名稱。</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1必須介於 %2 和 %3 之間。</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3 seconds.</source>
        <translation>%1必須介於 %2 和 %3 秒之間。</translation>
    </message>
    <message>
        <source>%1 is empty: enter a JSON document (placeholders: ${n}, ${count}, ${timestamp}, ${device_id}).</source>
        <translation>%1是空的：請輸入 JSON 文件 (預留位置：${n}、${count}、${timestamp}、${device_id})。</translation>
    </message>
    <message>
        <source>%1 has a &apos;$&apos; that is not a placeholder (write $$ for a literal dollar sign).</source>
        <translation>%1含有不是預留位置的 &apos;$&apos; (要表示錢字號本身，請寫成 $$)。</translation>
    </message>
    <message>
        <source>%1 uses an unknown placeholder %2; known: %3.</source>
        <translation>%1使用了未知的預留位置 %2；可用的有：%3。</translation>
    </message>
    <message>
        <source>%1 does not give valid JSON for message 1: %2 (column %3).</source>
        <translation>%1產生的第 1 則訊息不是有效的 JSON：%2 (第 %3 欄)。</translation>
    </message>
    <message>
        <source>%1 gives a message larger than IoT Hub&apos;s 256 KB limit.</source>
        <translation>%1產生的訊息超過 IoT 中樞 256 KB 的上限。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>無法讀取%1：%2。</translation>
    </message>
    <message>
        <source>%1 is not a PEM file with certificates (expected -----BEGIN CERTIFICATE-----).</source>
        <translation>%1不是含有憑證的 PEM 檔案 (應包含 -----BEGIN CERTIFICATE-----)。</translation>
    </message>
    <message>
        <source>%1 contains a certificate block that does not parse.</source>
        <translation>%1包含無法剖析的憑證區塊。</translation>
    </message>
    <message>
        <source>%1 contains no certificates.</source>
        <translation>%1不含任何憑證。</translation>
    </message>
    <message>
        <source>There is no key to run with</source>
        <translation>沒有可用來執行的金鑰</translation>
    </message>
    <message>
        <source>The key field is empty.</source>
        <translation>金鑰欄位是空的。</translation>
    </message>
    <message>
        <source>Enter the enrollment&apos;s key on the Device page.</source>
        <translation>請在 [裝置] 頁面上輸入註冊的金鑰。</translation>
    </message>
    <message>
        <source>The demo emulator could not start</source>
        <translation>無法啟動示範模擬器</translation>
    </message>
    <message>
        <source>Close the other program that uses this address, or try again later.</source>
        <translation>請關閉使用此位址的其他程式，或稍後再試。</translation>
    </message>
    <message>
        <source>The run stopped unexpectedly</source>
        <translation>執行意外停止</translation>
    </message>
    <message>
        <source>Open the details, and report them if the problem stays.</source>
        <translation>請開啟詳細資料；如果問題持續，請回報這些內容。</translation>
    </message>
    <message>
        <source>not a text file</source>
        <translation>不是文字檔</translation>
    </message>
    <message>
        <source>The trusted CA certificate file cannot be read</source>
        <translation>無法讀取信任的 CA 憑證檔案</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>Choose a PEM file (text starting with -----BEGIN CERTIFICATE-----).</source>
        <translation>請選擇 PEM 檔案 (以 -----BEGIN CERTIFICATE----- 開頭的文字)。</translation>
    </message>
    <message>
        <source>The trusted CA file holds no PEM certificate</source>
        <translation>信任的 CA 檔案不含 PEM 憑證</translation>
    </message>
    <message>
        <source>%1 does not contain -----BEGIN CERTIFICATE-----.</source>
        <translation>%1 不含 -----BEGIN CERTIFICATE-----。</translation>
    </message>
    <message>
        <source>Export the root certificate as Base-64 encoded X.509 (.pem / .crt).</source>
        <translation>請將根憑證匯出為 Base-64 編碼的 X.509 (.pem / .crt)。</translation>
    </message>
    <message>
        <source>Run cancelled.</source>
        <translation>執行已取消。</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
    <message>
        <source>DPS answered %1; the SDK will retry.</source>
        <translation>DPS 回應 %1；SDK 將會重試。</translation>
    </message>
    <message>
        <source>Registering %1 with %2 (ID scope %3).</source>
        <translation>正在向 %2 註冊 %1 (識別碼範圍 %3)。</translation>
    </message>
    <message>
        <source>Assigned: device %1 on %2 (%3).</source>
        <translation>已指派：裝置 %1，位於 %2 (%3)。</translation>
    </message>
    <message>
        <source>Sending %1 telemetry messages to %2.</source>
        <translation>正在傳送 %1 則遙測訊息至 %2。</translation>
    </message>
    <message>
        <source>Reconnecting to the IoT hub with a fresh client.</source>
        <translation>正在以新的用戶端重新連線至 IoT 中樞。</translation>
    </message>
    <message>
        <source>%1 messages were not sent: the IoT hub could not be reached.</source>
        <translation>有 %1 則訊息未傳送：無法連線到 IoT 中樞。</translation>
    </message>
    <message>
        <source>Telemetry: %1 acknowledged, %2 failed, %3 retried.</source>
        <translation>遙測：已確認 %1 則，失敗 %2 則，重試 %3 則。</translation>
    </message>
    <message>
        <source>The saved profiles were written by a newer version of DPS Wizard; this version will not change them. Update DPS Wizard to edit profiles.</source>
        <translation>已儲存的設定檔是由較新版本的 DPS Wizard 寫入的；此版本不會變更它們。請更新 DPS Wizard 以編輯設定檔。</translation>
    </message>
    <message>
        <source>There is no saved profile called &apos;%1&apos;.</source>
        <translation>沒有名為 &apos;%1&apos; 的已儲存設定檔。</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>它不是 JSON 物件</translation>
    </message>
    <message>
        <source>it has an unexpected field value (%1)</source>
        <translation>它有非預期的欄位值 (%1)</translation>
    </message>
    <message>
        <source>its field &apos;%1&apos; has the wrong type</source>
        <translation>它的欄位 &apos;%1&apos; 類型錯誤</translation>
    </message>
    <message>
        <source>it has no valid profile name</source>
        <translation>它沒有有效的設定檔名稱</translation>
    </message>
    <message>
        <source>Another DPS Wizard window kept the profiles file busy (%1); try again.</source>
        <translation>另一個 DPS Wizard 視窗正在使用設定檔檔案 (%1)；請再試一次。</translation>
    </message>
    <message>
        <source>Could not read the profiles file %1: %2.</source>
        <translation>無法讀取設定檔檔案 %1：%2。</translation>
    </message>
    <message>
        <source>Profile name &apos;%1&apos; is already used by another profile; choose another name.</source>
        <translation>設定檔名稱 &apos;%1&apos; 已被另一個設定檔使用；請選擇其他名稱。</translation>
    </message>
    <message>
        <source>The run summary is not plain data and was not saved.</source>
        <translation>執行摘要不是單純的資料，因此未儲存。</translation>
    </message>
    <message>
        <source>The run summary is too large to keep with the profile.</source>
        <translation>執行摘要太大，無法與設定檔一起保存。</translation>
    </message>
    <message>
        <source>The setting &apos;%1&apos; is not plain data.</source>
        <translation>設定 &apos;%1&apos; 不是單純的資料。</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>無法寫入 %1：%2。</translation>
    </message>
    <message>
        <source>it is not a valid JSON file</source>
        <translation>它不是有效的 JSON 檔案</translation>
    </message>
    <message>
        <source>Could not read %1: %2.</source>
        <translation>無法讀取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 does not contain a list of profiles.</source>
        <translation>%1 不含設定檔清單。</translation>
    </message>
    <message>
        <source>Entry %1 was not imported: %2</source>
        <translation>未匯入第 %1 個項目：%2</translation>
    </message>
    <message>
        <source>This profile holds a key in one of its fields; keys belong in the keyring, never in the profiles file. Remove it and save again.</source>
        <translation>此設定檔的某個欄位中含有金鑰；金鑰應保存在金鑰環中，絕不能寫入設定檔檔案。請移除後再儲存。</translation>
    </message>
    <message>
        <source>The saved profiles were written by a newer version of DPS Wizard (format %1). This version can show them but will not change them.</source>
        <translation>已儲存的設定檔是由較新版本的 DPS Wizard 寫入的 (格式 %1)。此版本可以顯示它們，但不會變更它們。</translation>
    </message>
    <message numerus="yes">
        <source>%n saved profile(s) could not be read; they were left in %1 untouched.</source>
        <translation>
            <numerusform>有 %n 個已儲存的設定檔無法讀取；它們保留在 %1 中，未做任何變更。</numerusform>
        </translation>
    </message>
    <message>
        <source>The saved profiles file was damaged; it was set aside as %1 and a new one started.</source>
        <translation>已儲存的設定檔檔案已損毀；已將它另存為 %1，並建立新的檔案。</translation>
    </message>
    <message>
        <source>Could not save the profiles file %1: %2. Check that the folder is writable.</source>
        <translation>無法儲存設定檔檔案 %1：%2。請確認資料夾可寫入。</translation>
    </message>
    <message>
        <source>device key</source>
        <translation>裝置金鑰</translation>
    </message>
    <message>
        <source>group key</source>
        <translation>群組金鑰</translation>
    </message>
    <message>
        <source>proxy password</source>
        <translation>Proxy 密碼</translation>
    </message>
    <message>
        <source>Could not save the %1 of profile &apos;%2&apos;. %3</source>
        <translation>無法儲存設定檔 &apos;%2&apos; 的%1。%3</translation>
    </message>
    <message>
        <source>Could not save the %1 of profile &apos;%2&apos; in %3. %4</source>
        <translation>無法將設定檔 &apos;%2&apos; 的%1儲存在 %3 中。%4</translation>
    </message>
    <message>
        <source>Could not read the %1 of profile &apos;%2&apos;. %3</source>
        <translation>無法讀取設定檔 &apos;%2&apos; 的%1。%3</translation>
    </message>
    <message>
        <source>Could not read the %1 of profile &apos;%2&apos; in %3. %4</source>
        <translation>無法從 %3 讀取設定檔 &apos;%2&apos; 的%1。%4</translation>
    </message>
    <message>
        <source>Could not delete the %1 of profile &apos;%2&apos;. %3</source>
        <translation>無法刪除設定檔 &apos;%2&apos; 的%1。%3</translation>
    </message>
    <message>
        <source>Could not delete the %1 of profile &apos;%2&apos; in %3. %4</source>
        <translation>無法從 %3 刪除設定檔 &apos;%2&apos; 的%1。%4</translation>
    </message>
    <message>
        <source>No secure keyring was found on this computer, so keys cannot be saved. On Linux, install and unlock GNOME Keyring or KWallet; on Windows, reinstall DPS Wizard. You can still run a profile by entering the key each time.</source>
        <translation>這部電腦上找不到安全的金鑰環，因此無法儲存金鑰。在 Linux 上，請安裝並解除鎖定 GNOME Keyring 或 KWallet；在 Windows 上，請重新安裝 DPS Wizard。您仍然可以每次輸入金鑰來執行設定檔。</translation>
    </message>
    <message>
        <source>The keyring is switched off (PYTHON_KEYRING_BACKEND selects keyring&apos;s null backend), so keys would not be kept. Unset it to save keys; you can still enter the key each time.</source>
        <translation>金鑰環已關閉 (PYTHON_KEYRING_BACKEND 選取了 keyring 的 null 後端)，因此不會保存金鑰。取消設定它即可儲存金鑰；您仍然可以每次輸入金鑰。</translation>
    </message>
    <message>
        <source>The keyring backend &apos;%1&apos; keeps secrets unencrypted in a file, so DPS Wizard will not use it. Uninstall keyrings.alt or choose an encrypted backend; you can still enter the key each time.</source>
        <translation>金鑰環後端 &apos;%1&apos; 會將機密以未加密的方式保存在檔案中，因此 DPS Wizard 不會使用它。請解除安裝 keyrings.alt 或選擇加密的後端；您仍然可以每次輸入金鑰。</translation>
    </message>
    <message>
        <source>No secure keyring was found among the available backends; you can still enter the key each time.</source>
        <translation>可用的後端中找不到安全的金鑰環；您仍然可以每次輸入金鑰。</translation>
    </message>
    <message>
        <source>There is no %1 to save.</source>
        <translation>沒有要儲存的%1。</translation>
    </message>
    <message>
        <source>%1 did not return what was stored in it.</source>
        <translation>%1 傳回的內容與儲存的內容不符。</translation>
    </message>
    <message>
        <source>The keyring is locked: unlock it (sign in to the desktop session or open the keyring app) and try again.</source>
        <translation>金鑰環已鎖定：請解除鎖定 (登入桌面工作階段或開啟金鑰環應用程式)，然後再試一次。</translation>
    </message>
    <message>
        <source>No keyring is available; you can still run by entering the key each time.</source>
        <translation>沒有可用的金鑰環；您仍然可以每次輸入金鑰來執行。</translation>
    </message>
    <message>
        <source>The keyring service could not be reached. Check that GNOME Keyring or KWallet is running in this desktop session, then try again.</source>
        <translation>無法連線到金鑰環服務。請確認 GNOME Keyring 或 KWallet 正在此桌面工作階段中執行，然後再試一次。</translation>
    </message>
    <message>
        <source>Windows Credential Manager refused the value (it is too long for a credential).</source>
        <translation>Windows 認證管理員拒絕了此值 (對認證而言太長)。</translation>
    </message>
    <message>
        <source>The keyring reported an error; try again, and see the details if it persists.</source>
        <translation>金鑰環回報了錯誤；請再試一次，如果問題持續，請查看詳細資料。</translation>
    </message>
</context>
</TS>
