extension HTMLReport {
    /// The report's one stylesheet, inlined in every page: no network, readable on a phone
    /// (grids scroll sideways inside their box), printable (one grid per page, no navigation).
    public static let css = """
        :root{--ink:#1d2733;--muted:#5b6878;--line:#d5dbe3;--lesson:#e8f0fb;--lesson-edge:#4a78b5;\
        --free:#fff;--pause:#f3f4f6;--common:#dff3e4;--common-edge:#2e8b57;--meeting:#c9ecd4;--warn:#fde8e8}
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);\
        background:#f7f9fb}
        header{background:#1f3b5c;color:#fff;padding:14px 20px}
        header h1{margin:0;font-size:20px}
        header p{margin:4px 0 0;color:#c8d6e8}
        nav{background:#fff;border-bottom:1px solid var(--line);padding:8px 20px;position:sticky;top:0;z-index:2;\
        white-space:nowrap;overflow-x:auto}
        nav a{margin-right:14px;color:#1f3b5c;text-decoration:none;font-weight:600}
        nav a.here{border-bottom:2px solid #1f3b5c}
        main{padding:16px 20px;max-width:1200px}
        h2{font-size:17px;margin:28px 0 8px}
        h2 small{font-weight:normal;color:var(--muted)}
        .cards{display:flex;flex-wrap:wrap;gap:10px}
        .card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 14px;min-width:150px}
        .card b{display:block;font-size:20px}
        .card span{color:var(--muted);font-size:12px}
        .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
        table{border-collapse:collapse;background:#fff}
        th,td{border:1px solid var(--line);padding:4px 6px;vertical-align:top;text-align:left}
        th{background:#eef2f6;font-weight:600}
        table.grid{width:100%;min-width:560px;table-layout:fixed}
        table.grid th:first-child{width:92px}
        table.grid td{height:46px;font-size:12px}
        td.lesson{background:var(--lesson);border-left:3px solid var(--lesson-edge)}
        td.lesson b{display:block;font-size:12.5px}
        td.pause{background:var(--pause);color:var(--muted);text-align:center;height:auto}
        td.none{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 4px,#f0f0f0 4px,#f0f0f0 8px)}
        td.common{background:var(--common);border-left:3px solid var(--common-edge);font-weight:600}
        td.meeting{background:var(--meeting)}
        td.busy{color:var(--muted)}
        .time{color:var(--muted);font-size:11px;display:block}
        details{margin:4px 0 8px}summary{cursor:pointer;color:#1f3b5c;font-weight:600}
        .list a{display:inline-block;margin:4px 10px 0 0}
        .short{background:var(--warn)}
        .entity{page-break-inside:avoid;break-inside:avoid}
        footer{color:var(--muted);font-size:12px;padding:20px}
        @media (max-width:640px){body{font-size:13px}main{padding:10px}header{padding:10px}\
        table.grid td{height:auto}table.grid{min-width:480px}table.grid th:first-child{width:52px}\
        .card{min-width:44%}}
        @media print{nav,details{display:none}body{background:#fff}.entity{break-before:page}\
        .entity:first-of-type{break-before:auto}table.grid{min-width:0}}
        """
}
