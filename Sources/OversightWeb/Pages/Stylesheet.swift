/// Our own stylesheet, after the GOV.UK Design System's patterns: no framework is downloaded.
///
/// Colours meet WCAG 2.2 AA contrast; RAG status is always written as a word as well as a colour;
/// focus is a thick yellow outline, as GOV.UK does, so keyboard users can see where they are.
enum Stylesheet {
    static let css = """
        *,*::before,*::after{box-sizing:border-box}
        body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:1.1875rem;line-height:1.3;color:#0b0c0c;background:#fff}
        a{color:#1d70b8}a:visited{color:#4c2c92}a:hover{color:#003078}
        a:focus,button:focus,input:focus,select:focus{outline:3px solid #fd0;outline-offset:0;background:#fd0;color:#0b0c0c;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
        .skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;padding:8px;z-index:10}
        .header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8}
        .header-inner{max-width:1100px;margin:0 auto;padding:10px 24px;display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:12px}
        .header a{color:#fff;text-decoration:none;font-weight:bold}.header a:hover{text-decoration:underline}
        .brand{font-size:1.5rem}
        .nav{display:flex;flex-wrap:wrap;gap:18px;align-items:center;margin:0;padding:0;list-style:none}
        .nav form{margin:0}.nav button{background:none;border:0;color:#fff;font:inherit;font-weight:bold;cursor:pointer;padding:0;text-decoration:underline}
        .banner{max-width:1100px;margin:0 auto;padding:8px 24px;border-bottom:1px solid #b1b4b6;font-size:1rem}
        .tag{display:inline-block;padding:2px 8px;font-weight:bold;font-size:.9rem;text-transform:uppercase;letter-spacing:.02em}
        .tag-blue{background:#d2e2f1;color:#0c2d4a}.tag-green{background:#cce2d8;color:#005a30}.tag-amber{background:#fff7bf;color:#594d00}
        .tag-red{background:#f4cdc6;color:#942514}.tag-grey{background:#e5e6e7;color:#383f43}
        textarea{font:inherit;padding:5px;border:2px solid #0b0c0c;width:100%;max-width:40em}fieldset{border:0;padding:0}label.inline{display:inline}
        main{max-width:1100px;margin:0 auto;padding:24px 24px 48px}
        h1{font-size:2.25rem;margin:0 0 24px}h2{font-size:1.6rem;margin:32px 0 12px}h3{font-size:1.2rem;margin:20px 0 8px}
        .lead{font-size:1.3rem;color:#505a5f;margin-top:-12px}
        .breadcrumbs{font-size:1rem;margin:0 0 16px;padding:0;list-style:none;display:flex;gap:8px;flex-wrap:wrap}
        .breadcrumbs li+li::before{content:"›";margin-right:8px;color:#505a5f}
        table{border-collapse:collapse;width:100%;margin-bottom:24px;font-size:1rem}
        caption{text-align:left;font-weight:bold;font-size:1.2rem;padding-bottom:8px}
        th,td{text-align:left;padding:10px 16px 10px 0;border-bottom:1px solid #b1b4b6;vertical-align:top}
        th{font-weight:bold}.num{text-align:right;font-variant-numeric:tabular-nums}
        .summary{display:grid;grid-template-columns:minmax(160px,30%) 1fr;margin:0 0 24px}
        .summary dt,.summary dd{padding:10px 16px 10px 0;border-bottom:1px solid #b1b4b6;margin:0}.summary dt{font-weight:bold}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:20px;margin-bottom:32px}
        .card{border:1px solid #b1b4b6;border-top:5px solid #1d70b8;padding:16px}
        .card h2{font-size:1.1rem;margin:0 0 8px}.card .figure{font-size:2.2rem;font-weight:bold;margin:4px 0}
        .card p{margin:4px 0;font-size:1rem}
        .muted{color:#505a5f}.small{font-size:1rem}
        .form-group{margin-bottom:20px}label{display:block;font-weight:bold;margin-bottom:5px}
        input[type=text],input[type=password],select{font:inherit;padding:5px;border:2px solid #0b0c0c;width:100%;max-width:24em}
        .button{font:inherit;font-weight:bold;background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18;padding:8px 12px;cursor:pointer}
        .error-summary{border:5px solid #d4351c;padding:16px;margin-bottom:24px}.error-summary h2{margin-top:0}
        .inset{border-left:10px solid #b1b4b6;padding:12px 16px;margin:16px 0}
        .flag-late{color:#942514;font-weight:bold}.flag-ok{color:#005a30}
        svg.spark{vertical-align:middle}svg.chart{max-width:100%;height:auto}
        .pager{display:flex;gap:16px;font-size:1rem}
        @media print{.header,.nav,.skip,.pager{display:none}}
        """
}
