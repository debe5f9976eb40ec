import Mustache

/// Every page's Mustache template. `{{name}}` escapes HTML; the only triple-braced values are SVG the
/// server drew from numbers (charts), never text from data or users.
enum Templates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in all + trackers {
            // A template that does not parse is a programming error caught by the first test that renders it.
            try! library.register(text, named: name)
        }
        return library
    }()

    static let all: [(String, String)] = [
        ("layout", layout), ("login", login), ("dashboard", dashboard), ("dashboard-body", dashboardBody), ("measures", measures), ("measure", measure), ("measure-body", measureBody),
        ("child", child), ("team", team), ("caseload", caseload), ("access-log", accessLog), ("error", error), ("admin", admin), ("annex-a", annexA), ("annex-a-list", annexAList), ("imports", imports), ("import-job", importJob), ("plans", plans), ("plan", plan), ("plan-action", planAction),
        ("audits", AuditPages.template),
    ]

    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{$title}}Oversight{{/title}} – {{chrome.authorityName}}</title>
        <link rel="stylesheet" href="/assets/oversight.css">
        {{$head}}{{/head}}
        </head>
        <body>
        <a class="skip" href="#main">Skip to main content</a>
        <header class="header"><div class="header-inner">
        <a class="brand" href="/">Oversight</a>
        {{#chrome.signedIn}}
        <nav aria-label="Main"><ul class="nav">
        {{#chrome.nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/chrome.nav}}
        <li><form method="post" action="/logout"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit">Sign out</button></form></li>
        </ul></nav>
        {{/chrome.signedIn}}
        </div></header>
        <div class="banner"><span class="tag tag-blue">Synthetic data</span> {{chrome.authorityName}}{{#chrome.signedIn}} · signed in as {{chrome.userName}} ({{chrome.roleTitle}}){{/chrome.signedIn}}</div>
        <main id="main">
        {{$content}}{{/content}}
        </main>
        </body>
        </html>
        """

    static let login = """
        {{<layout}}{{$title}}Sign in{{/title}}{{$content}}
        <h1>Sign in</h1>
        {{#error}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{error}}</p></div>{{/error}}
        <form method="post" action="/login" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="next" value="{{next}}">
        <div class="form-group"><label for="username">Username</label><input type="text" id="username" name="username" autocomplete="username" value="{{username}}" spellcheck="false"></div>
        <div class="form-group"><label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password"></div>
        <button class="button" type="submit">Sign in</button>
        </form>
        <p class="muted small">Every look at a child's record is logged with who, when and why.</p>
        {{/content}}{{/layout}}
        """

    static let dashboard = """
        {{<layout}}{{$title}}Service dashboard{{/title}}{{$content}}
        {{{body}}}
        {{/content}}{{/layout}}
        """

    /// The dashboard's content is the same for everyone (it shows no child), so it is rendered once per
    /// import and period and placed into each person's page.
    static let dashboardBody = """
        <h1>How the service is doing</h1>
        <p class="lead">{{periodLabel}}, against England and the month before. Data as at {{asOf}}.</p>
        <div class="cards">
        {{#cards}}
        <section class="card" aria-labelledby="card-{{id}}">
        <h2 id="card-{{id}}"><a href="/measures/{{id}}">{{title}}</a></h2>
        <p class="figure">{{value}}</p>
        <p><strong class="tag tag-{{ragColour}}">{{ragLabel}}</strong> {{ragReason}}</p>
        <p>England {{england}} · last month {{previous}} <span class="muted">({{change}})</span></p>
        <p>{{{sparkline}}} <span class="muted small">12 months</span></p>
        </section>
        {{/cards}}
        </div>
        <h2>What changed this month</h2>
        {{^empty(changes)}}<ul>{{#changes}}<li>{{.}}</li>{{/changes}}</ul>{{/empty(changes)}}
        {{^changes}}<p>No headline measure moved by more than a percentage point.</p>{{/changes}}
        <p><a href="/measures">Every measure</a> · <a href="/caseload/weekly">Weekly caseload report</a></p>
        """

    static let measures = """
        {{<layout}}{{$title}}Measures{{/title}}{{$content}}
        <h1>Measures</h1>
        <p class="lead">{{periodLabel}}. Select a measure for its definition, trend, teams and children.</p>
        <table>
        <caption>Every measure in the catalogue</caption>
        <thead><tr><th scope="col">Measure</th><th scope="col" class="num">Value</th><th scope="col" class="num">England</th><th scope="col">Counts</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td><a href="/measures/{{id}}">{{id}} {{title}}</a>{{#note}}<br><span class="muted small">{{note}}</span>{{/note}}</td><td class="num">{{value}}</td><td class="num">{{england}}</td><td>{{counting}}</td></tr>
        {{/rows}}
        </tbody></table>
        <h2 id="trackers">Trackers</h2>
        <p>Measures the trackers compute over their own records (allegations, notifications, escalations, EHC plans). Each page explains its figure down to the records.</p>
        <table>
        <caption>Every tracker measure</caption>
        <thead><tr><th scope="col">Measure</th><th scope="col">Tracker</th><th scope="col">Counts</th></tr></thead>
        <tbody>
        {{#trackers}}<tr><td><a href="{{page}}">{{id}} {{title}}</a></td><td>{{tracker}}</td><td>{{counting}}</td></tr>
        {{/trackers}}
        </tbody></table>
        {{/content}}{{/layout}}
        """

    static let measure = """
        {{<layout}}{{$title}}{{heading}}{{/title}}{{$content}}
        {{{body}}}
        {{/content}}{{/layout}}
        """

    /// A measure page's content depends on the data, the period, the page and the reader's record scope,
    /// never on anything else about the request, so it is rendered once for each of those.
    static let measureBody = """
        <ol class="breadcrumbs"><li><a href="/">Dashboard</a></li><li><a href="/measures">Measures</a></li><li>{{id}}</li></ol>
        <h1>{{title}}</h1>
        <p class="lead">{{periodLabel}}: <strong>{{value}}</strong>{{#fraction}} ({{fraction}}){{/fraction}}</p>
        {{#note}}<div class="inset">{{note}}</div>{{/note}}
        <dl class="summary">
        <dt>Definition</dt><dd>{{definition}}</dd>
        <dt>Numerator</dt><dd>{{numerator}}</dd>
        <dt>Denominator</dt><dd>{{denominator}}</dd>
        <dt>Counts</dt><dd>{{counting}}</dd>
        <dt>Better when</dt><dd>{{polarity}}</dd>
        <dt>Source</dt><dd>{{source}}{{#annexA}} · Annex A list {{annexA}}{{/annexA}}</dd>
        {{#timescale}}<dt>Timescale</dt><dd>{{timescale}}</dd>{{/timescale}}
        </dl>
        {{^empty(comparators)}}
        <table><caption>Comparators</caption><thead><tr><th scope="col">Area</th><th scope="col" class="num">Year</th><th scope="col" class="num">Value</th></tr></thead>
        <tbody>{{#comparators}}<tr><td>{{area}}</td><td class="num">{{year}}</td><td class="num">{{value}}</td></tr>{{/comparators}}</tbody></table>
        {{/empty(comparators)}}
        <h2>Trend</h2>
        <figure>{{{chart}}}<figcaption class="muted small">Monthly values over the last 24 months; the table below gives the same figures.</figcaption></figure>
        <table><caption>Monthly values</caption><thead><tr><th scope="col">Month</th><th scope="col" class="num">Value</th><th scope="col" class="num">Numerator</th><th scope="col" class="num">Denominator</th></tr></thead>
        <tbody>{{#trend}}<tr><td>{{period}}</td><td class="num">{{value}}</td><td class="num">{{numerator}}</td><td class="num">{{denominator}}</td></tr>{{/trend}}</tbody></table>
        {{^empty(teams)}}
        <h2>By team</h2>
        <table><caption>{{periodLabel}} by team</caption><thead><tr><th scope="col">Team</th><th scope="col" class="num">Value</th><th scope="col" class="num">Numerator</th><th scope="col" class="num">Denominator</th></tr></thead>
        <tbody>{{#teams}}<tr><td><a href="/teams/{{teamID}}">{{name}}</a></td><td class="num">{{value}}</td><td class="num">{{numerator}}</td><td class="num">{{denominator}}</td></tr>{{/teams}}</tbody></table>
        {{/empty(teams)}}
        <h2>The children behind the figure</h2>
        {{#childLevel}}
        <p>{{shownSummary}}</p>
        {{^empty(rows)}}
        <table><caption>Rows {{firstRow}} to {{lastRow}} of {{visibleRows}}</caption>
        <thead><tr><th scope="col">Child</th><th scope="col">Record</th><th scope="col">Counted</th><th scope="col">From</th><th scope="col">To</th><th scope="col" class="num">Working days</th><th scope="col">Why</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{#link}}<a href="/children/{{childID}}">{{childID}}</a>{{/link}}{{^link}}{{childID}}{{/link}}</td><td>{{recordID}}</td><td>{{#inNumerator}}<span class="flag-ok">Yes</span>{{/inNumerator}}{{^inNumerator}}<span class="flag-late">No</span>{{/inNumerator}}</td><td>{{from}}</td><td>{{to}}</td><td class="num">{{workingDays}}</td><td>{{reason}}</td></tr>{{/rows}}</tbody></table>
        {{/empty(rows)}}
        <nav class="pager" aria-label="Pages of children">{{#previousPage}}<a href="{{previousPage}}">Previous page</a>{{/previousPage}}{{#nextPage}}<a href="{{nextPage}}">Next page</a>{{/nextPage}}</nav>
        {{/childLevel}}
        {{^childLevel}}<p>{{aggregateOnly}}</p>{{/childLevel}}
        """

    static let child = """
        {{<layout}}{{$title}}Child {{id}}{{/title}}{{$content}}
        <ol class="breadcrumbs"><li><a href="/">Dashboard</a></li><li>Child {{id}}</li></ol>
        <h1>{{name}}</h1>
        {{#restricted}}<p><strong class="tag tag-red">Restricted record</strong> Only the people and teams named on the restriction can open it.</p>{{/restricted}}
        <dl class="summary">
        <dt>Child ID</dt><dd>{{id}}</dd>
        <dt>Date of birth</dt><dd>{{born}}</dd>
        <dt>Sex</dt><dd>{{sex}}</dd>
        <dt>Ethnicity</dt><dd>{{ethnicity}}</dd>
        <dt>Allocated to</dt><dd>{{#holders}}{{.}}<br>{{/holders}}{{^holders}}Not allocated{{/holders}}</dd>
        <dt>Why you can see this</dt><dd>{{basis}}</dd>
        </dl>
        <h2>Chronology</h2>
        <table><caption>The child's journey, oldest first</caption>
        <thead><tr><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Detail</th><th scope="col">Timeliness</th></tr></thead>
        <tbody>{{#events}}<tr><td>{{date}}</td><td>{{event}}</td><td>{{detail}}</td><td>{{#late}}<span class="flag-late">{{timeliness}}: late</span>{{/late}}{{^late}}{{timeliness}}{{/late}}</td></tr>{{/events}}</tbody></table>
        {{/content}}{{/layout}}
        """

    static let team = """
        {{<layout}}{{$title}}{{name}}{{/title}}{{$content}}
        <ol class="breadcrumbs"><li><a href="/">Dashboard</a></li><li><a href="/caseload/weekly">Caseloads</a></li><li>{{name}}</li></ol>
        <h1>{{name}}</h1>
        <p class="lead">{{childCount}} children allocated on {{asOf}} across {{workerCount}} workers.</p>
        <table><caption>Caseloads</caption><thead><tr><th scope="col">Worker</th><th scope="col" class="num">Children</th><th scope="col" class="num">On a protection plan</th><th scope="col" class="num">Looked after</th><th scope="col" class="num">Visits overdue</th></tr></thead>
        <tbody>{{#workers}}<tr><td>{{name}}</td><td class="num">{{children}}</td><td class="num">{{protection}}</td><td class="num">{{lookedAfter}}</td><td class="num">{{overdue}}</td></tr>{{/workers}}</tbody></table>
        {{#childLevel}}
        <h2>Visits overdue or due within 5 working days</h2>
        {{^empty(dueChildren)}}
        <table><caption>Children with a statutory visit due</caption><thead><tr><th scope="col">Child</th><th scope="col">Worker</th><th scope="col">Plan</th><th scope="col">Last visit</th><th scope="col">Due</th></tr></thead>
        <tbody>{{#dueChildren}}<tr><td>{{#link}}<a href="/children/{{childID}}">{{childID}}</a>{{/link}}{{^link}}{{childID}} (restricted){{/link}}</td><td>{{worker}}</td><td>{{plan}}</td><td>{{lastVisit}}</td><td>{{#late}}<span class="flag-late">{{due}}</span>{{/late}}{{^late}}{{due}}{{/late}}</td></tr>{{/dueChildren}}</tbody></table>
        {{/empty(dueChildren)}}
        {{^dueChildren}}<p>No visits are overdue or due in the next 5 working days.</p>{{/dueChildren}}
        {{/childLevel}}
        {{/content}}{{/layout}}
        """

    static let caseload = """
        {{<layout}}{{$title}}Weekly caseload report{{/title}}{{$content}}
        <h1>Weekly caseload report</h1>
        <p class="lead">Week ending {{weekEnding}} (rapid review recommendation 18): average caseload per case-holding social worker, with the highest and lowest; team numbers and their change since last week; the trend is the mean of the daily averages over the 14 days to the week's end. <a href="{{printLink}}">Printable page</a></p>
        <form method="get" action="/caseload/weekly"><div class="form-group"><label for="week-ending">Week ending</label><input type="date" id="week-ending" name="week-ending"></div><button class="button" type="submit">Show</button></form>
        <table><caption>Caseloads by team</caption><thead><tr><th scope="col">Team</th><th scope="col" class="num">Workers</th><th scope="col" class="num">Children</th><th scope="col" class="num">Change in workers</th><th scope="col" class="num">Average per worker</th><th scope="col">Direction</th><th scope="col" class="num">Trend (14 days)</th><th scope="col">Direction</th><th scope="col" class="num">Highest</th><th scope="col" class="num">Lowest</th><th scope="col" class="num">Visits overdue</th><th scope="col">13 weeks</th></tr></thead>
        <tbody>{{#teams}}<tr><td>{{#link}}<a href="/teams/{{teamID}}">{{name}}</a>{{/link}}{{^link}}{{name}}{{/link}}</td><td class="num">{{workers}}</td><td class="num">{{children}}</td><td class="num">{{change}}</td><td class="num">{{average}}</td><td>{{direction}}</td><td class="num">{{trend}}</td><td>{{trendDirection}}</td><td class="num">{{highest}}</td><td class="num">{{lowest}}</td><td class="num">{{overdue}}</td><td>{{{sparkline}}}</td></tr>{{/teams}}</tbody>
        {{#total}}<tfoot><tr><th scope="row">Authority</th><td class="num">{{workers}}</td><td class="num">{{children}}</td><td class="num">{{change}}</td><td class="num">{{average}}</td><td>{{direction}}</td><td class="num">{{trend}}</td><td>{{trendDirection}}</td><td class="num">{{highest}}</td><td class="num">{{lowest}}</td><td class="num">{{overdue}}</td><td>{{{sparkline}}}</td></tr></tfoot>{{/total}}
        </table>
        {{/content}}{{/layout}}
        """

    static let accessLog = """
        {{<layout}}{{$title}}Access log{{/title}}{{$content}}
        <h1>Access log</h1>
        <form method="get" action="/admin/access-log">
        <div class="form-group"><label for="child">Child ID</label><input type="text" id="child" name="child" value="{{child}}"></div>
        <div class="form-group"><label for="user">Username</label><input type="text" id="user" name="user" value="{{user}}"></div>
        <button class="button" type="submit">Search the log</button>
        </form>
        <table><caption>{{caption}}</caption><thead><tr><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">Role</th><th scope="col">What</th><th scope="col">Subject</th><th scope="col" class="num">Children</th><th scope="col">Why</th></tr></thead>
        <tbody>{{#entries}}<tr><td>{{at}}</td><td>{{username}}</td><td>{{role}}</td><td>{{action}}</td><td>{{subject}}</td><td class="num">{{childCount}}</td><td>{{reason}}</td></tr>{{/entries}}</tbody></table>
        {{/content}}{{/layout}}
        """

    static let admin = """
        {{<layout}}{{$title}}Users and restrictions{{/title}}{{$content}}
        <h1>Users and restrictions</h1>
        {{#message}}<div class="inset" role="status">{{message}}</div>{{/message}}
        <table><caption>Who can sign in</caption><thead><tr><th scope="col">Username</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Team</th><th scope="col">Worker</th><th scope="col">Active</th></tr></thead>
        <tbody>{{#users}}<tr><td>{{username}}</td><td>{{displayName}}</td><td>{{role}}</td><td>{{team}}</td><td>{{worker}}</td><td>{{active}}</td></tr>{{/users}}</tbody></table>
        <p class="muted small">Add users and change roles with <code>oversight user add USERNAME --role ROLE --db FILE</code>.</p>
        <h2>Restricted records</h2>
        <table><caption>Children only named people or teams can open</caption><thead><tr><th scope="col">Child</th><th scope="col">Users</th><th scope="col">Teams</th><th scope="col">Reason</th><th scope="col"><span class="skip">Action</span></th></tr></thead>
        <tbody>{{#restrictions}}<tr><td>{{childID}}</td><td>{{users}}</td><td>{{teams}}</td><td>{{reason}}</td>
        <td><form method="post" action="/admin/restrictions/lift"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="child" value="{{childID}}"><button class="button" type="submit">Lift<span class="skip"> the restriction on {{childID}}</span></button></form></td></tr>{{/restrictions}}</tbody></table>
        <h3>Restrict a child's record</h3>
        <form method="post" action="/admin/restrictions">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="form-group"><label for="child">Child ID</label><input type="text" id="child" name="child"></div>
        <div class="form-group"><label for="users">Usernames allowed (comma-separated)</label><input type="text" id="users" name="users"></div>
        <div class="form-group"><label for="teams">Team IDs allowed (comma-separated)</label><input type="text" id="teams" name="teams"></div>
        <div class="form-group"><label for="reason">Reason</label><input type="text" id="reason" name="reason"></div>
        <button class="button" type="submit">Restrict the record</button>
        </form>
        {{/content}}{{/layout}}
        """

    static let annexA = """
        {{<layout}}{{$title}}Annex A lists{{/title}}{{$content}}
        <h1>Annex A lists</h1>
        <p class="lead">{{periodLabel}}. One row per event or child, as the inspection's Annex A lists them; each list is the set of records behind the measure named.</p>
        <table><caption>Lists the case data fills</caption><thead><tr><th scope="col">List</th><th scope="col">Measure</th><th scope="col" class="num">Rows you can see</th><th scope="col">Download</th></tr></thead>
        <tbody>{{#lists}}<tr><td><a href="/inspection/lists/{{number}}?period={{period}}">List {{number}}: {{title}}</a></td><td><a href="/measures/{{measure}}?period={{period}}">{{measure}}</a></td><td class="num">{{rows}}</td><td><a href="/inspection/lists/{{number}}?period={{period}}&amp;format=csv">CSV<span class="skip"> of list {{number}}</span></a></td></tr>{{/lists}}</tbody></table>
        {{/content}}{{/layout}}
        """

    static let annexAList = """
        {{<layout}}{{$title}}Annex A list {{number}}{{/title}}{{$content}}
        <ol class="breadcrumbs"><li><a href="/inspection/lists?period={{period}}">Annex A lists</a></li><li>List {{number}}</li></ol>
        <h1>List {{number}}: {{title}}</h1>
        <p class="lead">{{periodLabel}}. The records behind <a href="/measures/{{measure}}?period={{period}}">{{measure}}</a>. <a href="/inspection/lists/{{number}}?period={{period}}&amp;format=csv">Download as CSV</a>.</p>
        {{#truncated}}<p class="inset">The first 500 rows are shown; the CSV has every row.</p>{{/truncated}}
        <table><caption>List {{number}}</caption><thead><tr><th scope="col">Child</th><th scope="col">Gender</th><th scope="col">Ethnicity</th><th scope="col">Date of birth</th><th scope="col" class="num">Age</th><th scope="col">Record</th><th scope="col">From</th><th scope="col">To</th><th scope="col" class="num">Working days</th><th scope="col">Counted</th></tr></thead>
        <tbody>{{#rows}}<tr><td><a href="/children/{{childID}}">{{childID}}</a></td><td>{{gender}}</td><td>{{ethnicity}}</td><td>{{born}}</td><td class="num">{{age}}</td><td>{{recordID}}</td><td>{{from}}</td><td>{{to}}</td><td class="num">{{workingDays}}</td><td>{{counted}}</td></tr>{{/rows}}</tbody></table>
        {{/content}}{{/layout}}
        """

    static let imports = """
        {{<layout}}{{$title}}Imports{{/title}}{{$content}}
        <h1>Imports</h1>
        <h2>Upload an SSD extract, a CIN census or an SSDA903 return</h2>
        <p>Choose every <code>ssd_*.csv</code> file of an SSD extract, the census's <code>.xml</code> file, or every CSV file of a 903 return. The import replaces the data Oversight holds, all or nothing. In an SSD extract, rows that fail validation are left out and listed in the report; a census or a 903 return with a fault is refused whole, naming the file, line and field.</p>
        <form method="post" action="/imports" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="form-group"><label for="year">Collection year, for a census or a 903 return (its DfE rules)</label><select id="year" name="year">{{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/years}}</select></div>
        <div class="form-group"><label for="files">Extract files</label><input type="file" id="files" name="files" accept=".csv,text/csv,.xml,text/xml,application/xml" multiple></div>
        <button class="button" type="submit">Upload and import</button>
        </form>
        <p class="muted small">Large extracts import faster from the command line: <code>oversight import ssd DIR --db DB</code>, <code>oversight import cin FILE.xml --db DB</code>, <code>oversight import 903 DIR --db DB</code>. To check a return against the DfE's rules without importing it: <code>oversight cin validate</code>, <code>oversight 903 validate</code>.</p>
        {{^empty(jobs)}}
        <table><caption>Imports started here</caption><thead><tr><th scope="col">Started (UTC)</th><th scope="col">State</th></tr></thead>
        <tbody>{{#jobs}}<tr><td><a href="/imports/jobs/{{id}}">{{started}}</a></td><td>{{state}}</td></tr>{{/jobs}}</tbody></table>
        {{/empty(jobs)}}
        <table><caption>Imports that have landed, newest first</caption><thead><tr><th scope="col">When</th><th scope="col">Kind</th><th scope="col">Source</th><th scope="col" class="num">Rows read</th><th scope="col" class="num">Rejected</th></tr></thead>
        <tbody>{{#extracts}}<tr><td>{{importedAt}}</td><td>{{kind}}</td><td>{{source}}</td><td class="num">{{rowsRead}}</td><td class="num">{{rowsRejected}}</td></tr>{{/extracts}}</tbody></table>
        {{/content}}{{/layout}}
        """

    static let importJob = """
        {{<layout}}{{$title}}Import {{id}}{{/title}}{{$head}}{{#running}}<meta http-equiv="refresh" content="2">{{/running}}{{/head}}{{$content}}
        <ol class="breadcrumbs"><li><a href="/imports">Imports</a></li><li>Import started {{started}}</li></ol>
        {{#running}}
        <h1>Importing</h1>
        <p role="status">{{table}}: {{percent}}% of the upload read. This page refreshes itself every 2 seconds.</p>
        <progress max="100" value="{{percent}}">{{percent}}%</progress>
        {{/running}}
        {{#failed}}
        <h1>The import failed</h1>
        <div class="error-summary" role="alert"><h2>Nothing was changed</h2><p>{{error}}</p></div>
        <p><a href="/imports">Upload again</a></p>
        {{/failed}}
        {{#returnImported}}
        <h1>Import complete</h1>
        <p>{{.}}</p>
        {{/returnImported}}
        {{#rulesSummary}}<p>{{.}}</p>{{/rulesSummary}}
        {{^empty(failedRules)}}
        <table><caption>DfE rules the file fails</caption><thead><tr><th scope="col">Rule</th><th scope="col">Kind</th><th scope="col">Message</th><th scope="col" class="num">Rows</th><th scope="col" class="num">Children</th></tr></thead>
        <tbody>{{#failedRules}}<tr><td>{{code}}</td><td>{{kind}}</td><td>{{message}}</td><td class="num">{{rows}}</td><td class="num">{{children}}</td></tr>{{/failedRules}}</tbody></table>
        {{/empty(failedRules)}}
        {{#succeeded}}
        <h1>Import complete</h1>
        <p>The data below replaces what Oversight held. {{rejectionCount}} rows were rejected.</p>
        {{#ignored}}<p class="inset">Not imported (not an SSD table this version reads): {{ignored}}</p>{{/ignored}}
        <table><caption>Validation report by table</caption><thead><tr><th scope="col">Table</th><th scope="col" class="num">Read</th><th scope="col" class="num">Stored</th><th scope="col" class="num">Rejected</th><th scope="col" class="num">Not held</th></tr></thead>
        <tbody>{{#tables}}<tr><td>{{table}}</td><td class="num">{{read}}</td><td class="num">{{stored}}</td><td class="num">{{rejected}}</td><td class="num">{{notApplicable}}</td></tr>{{/tables}}</tbody></table>
        {{^empty(rejections)}}
        <table><caption>Rejected rows (the first 200)</caption><thead><tr><th scope="col">File</th><th scope="col" class="num">Line</th><th scope="col">Field</th><th scope="col">Value</th><th scope="col">Why</th></tr></thead>
        <tbody>{{#rejections}}<tr><td>{{file}}</td><td class="num">{{line}}</td><td>{{field}}</td><td>{{value}}</td><td>{{reason}}</td></tr>{{/rejections}}</tbody></table>
        {{/empty(rejections)}}
        {{/succeeded}}
        {{/content}}{{/layout}}
        """

    static let plans = """
        {{<layout}}{{$title}}Improvement plans{{/title}}{{$content}}
        <h1>Improvement plans</h1>
        {{^empty(plans)}}
        <table><caption>Plans held</caption><thead><tr><th scope="col">Plan</th><th scope="col">Source</th><th scope="col">Submitted by</th><th scope="col" class="num">Recommendations</th><th scope="col" class="num">Actions</th><th scope="col" class="num">Updates</th></tr></thead>
        <tbody>{{#plans}}<tr><td><a href="/plans/{{id}}">{{title}}</a></td><td>{{source}}</td><td>{{submitBy}}</td><td class="num">{{recommendations}}</td><td class="num">{{actions}}</td><td class="num">{{updates}}</td></tr>{{/plans}}</tbody></table>
        {{/empty(plans)}}
        {{^plans}}<p>No plan has been imported yet. Import one with <code>oversight plan import FILE.json --db DB</code>.</p>{{/plans}}
        {{/content}}{{/layout}}
        """

    static let plan = """
        {{<layout}}{{$title}}{{title}}{{/title}}{{$content}}
        <ol class="breadcrumbs"><li><a href="/plans">Improvement plans</a></li><li>{{title}}</li></ol>
        <h1>{{title}}</h1>
        <p class="lead">{{source}}. Progress as at {{asOf}}.</p>
        <form method="get" action="/plans/{{id}}"><div class="form-group"><label for="as-of">Show the plan as it stood on (YYYY-MM-DD)</label><input type="text" id="as-of" name="as-of" value="{{asOfValue}}" inputmode="numeric"></div><button class="button" type="submit">Show</button></form>
        <table><caption>Actions by rating</caption><thead><tr>{{#counts}}<th scope="col"><span class="tag tag-{{colour}}">{{label}}</span></th>{{/counts}}</tr></thead>
        <tbody><tr>{{#counts}}<td class="num">{{count}}</td>{{/counts}}</tr></tbody></table>
        <h2>Exceptions</h2>
        {{^empty(flags)}}
        <table><caption>Actions the facts disagree with: overdue or not updated within the board cycle</caption><thead><tr><th scope="col">Action</th><th scope="col">Flag</th><th scope="col">Why</th><th scope="col">Suggestion</th></tr></thead>
        <tbody>{{#flags}}<tr><td><a href="{{link}}">{{ref}}</a></td><td>{{kind}}</td><td>{{reason}}</td><td>{{suggested}}</td></tr>{{/flags}}</tbody></table>
        {{/empty(flags)}}
        {{^flags}}<p>No action is overdue or stale.</p>{{/flags}}
        {{#recommendations}}
        <h2>Recommendation {{number}}</h2>
        <p>{{text}}</p>
        {{^empty(outcomes)}}<h3>Outcomes sought</h3><ul>{{#outcomes}}<li>{{.}}</li>{{/outcomes}}</ul>{{/empty(outcomes)}}
        {{^empty(movingAway)}}<div class="inset">{{#movingAway}}<p><strong class="tag tag-red">Flag</strong> {{.}}</p>{{/movingAway}}</div>{{/empty(movingAway)}}
        {{^empty(measures)}}
        <table><caption>Recommendation {{number}}: measures that show its outcomes</caption><thead><tr><th scope="col">Measure</th><th scope="col" class="num">Latest 12 months</th><th scope="col" class="num">Baseline</th><th scope="col" class="num">Target</th><th scope="col">Distance</th><th scope="col">Trend</th></tr></thead>
        <tbody>{{#measures}}<tr><td><a href="/measures/{{id}}">{{id}}</a> {{title}}{{#isDefault}} <span class="muted small">(default link)</span>{{/isDefault}}</td><td class="num">{{value}}</td><td class="num">{{baseline}}</td><td class="num">{{target}}</td><td>{{distance}}</td><td>{{{sparkline}}}</td></tr>{{/measures}}</tbody></table>
        {{/empty(measures)}}
        <table><caption>Recommendation {{number}}: actions</caption><thead><tr><th scope="col">Action</th><th scope="col">Lead</th><th scope="col">Deadline</th><th scope="col">RAG</th><th scope="col">Latest progress</th></tr></thead>
        <tbody>{{#actions}}<tr><td><a href="{{link}}">{{ref}}</a> {{text}}</td><td>{{lead}}</td><td>{{deadline}}</td><td><span class="tag tag-{{ragColour}}">{{ragLabel}}</span></td>
        <td>{{#status}}<strong>Status:</strong> {{status}}<br>{{/status}}{{#impact}}<strong>Impact:</strong> {{impact}}<br>{{/impact}}{{#more}}<strong>What more:</strong> {{more}}<br>{{/more}}<span class="muted small">{{updated}}</span>{{#flags}}<br><span class="flag-late">{{.}}</span>{{/flags}}</td></tr>{{/actions}}</tbody></table>
        {{/recommendations}}
        {{/content}}{{/layout}}
        """

    static let planAction = """
        {{<layout}}{{$title}}Action {{ref}}{{/title}}{{$content}}
        <ol class="breadcrumbs"><li><a href="/plans">Improvement plans</a></li><li><a href="/plans/{{planID}}">{{planTitle}}</a></li><li>Action {{ref}}</li></ol>
        <h1>Action {{ref}}</h1>
        {{#message}}<div class="inset" role="status">{{message}}</div>{{/message}}
        <p>{{text}}</p>
        <dl class="summary"><dt>Accountable lead</dt><dd>{{lead}}</dd><dt>Deadline</dt><dd>{{deadline}}</dd></dl>
        {{#mayUpdate}}
        <h2>Record an update</h2>
        <form method="post" action="/plans/{{planID}}/actions/{{ref}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="form-group"><label for="status">Action status</label><textarea id="status" name="status" rows="3" cols="60"></textarea></div>
        <div class="form-group"><label for="impact">Impact against outcomes set</label><textarea id="impact" name="impact" rows="3" cols="60"></textarea></div>
        <div class="form-group"><label for="more">What more needs to be done</label><textarea id="more" name="more" rows="3" cols="60"></textarea></div>
        <fieldset class="form-group"><legend><strong>RAG rating</strong></legend>
        {{#rags}}<div><input type="radio" id="rag-{{code}}" name="rag" value="{{code}}"> <label for="rag-{{code}}" class="inline"><span class="tag tag-{{colour}}">{{label}}</span></label></div>{{/rags}}
        </fieldset>
        <div class="form-group"><label for="evidence">Evidence links (one per line)</label><textarea id="evidence" name="evidence" rows="2" cols="60"></textarea></div>
        <button class="button" type="submit">Record the update</button>
        </form>
        {{/mayUpdate}}
        <h2>History</h2>
        {{^empty(history)}}
        <table><caption>Every update, newest first; nothing is overwritten</caption><thead><tr><th scope="col">When (UTC)</th><th scope="col">By</th><th scope="col">RAG</th><th scope="col">Status</th><th scope="col">Impact</th><th scope="col">What more</th></tr></thead>
        <tbody>{{#history}}<tr><td>{{when}}</td><td>{{by}}</td><td><span class="tag tag-{{ragColour}}">{{ragLabel}}</span></td><td>{{status}}</td><td>{{impact}}</td><td>{{more}}{{#evidence}}<br><a href="{{.}}" rel="noopener">Evidence</a>{{/evidence}}</td></tr>{{/history}}</tbody></table>
        {{/empty(history)}}
        {{^history}}<p>No update has been recorded yet.</p>{{/history}}
        {{/content}}{{/layout}}
        """

    static let error = """
        {{<layout}}{{$title}}{{heading}}{{/title}}{{$content}}
        <h1>{{heading}}</h1>
        <p>{{message}}</p>
        <p><a href="/">Go to the dashboard</a></p>
        {{/content}}{{/layout}}
        """
}
