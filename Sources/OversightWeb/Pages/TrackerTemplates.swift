/// The trackers' Mustache templates (issue 10), registered with the rest by `Templates.library`.
extension Templates {
    static let trackers: [(String, String)] = [
        ("lado", lado), ("lado-measure", ladoMeasure), ("lado-allegation", ladoAllegation), ("notifications", notificationQueue),
    ]

    static let lado = """
        {{<layout}}{{$title}}LADO allegations{{/title}}{{$content}}
        <h1>Allegations against people who work with children</h1>
        <p class="lead">The local authority designated officer's allegations, {{period}}, as of {{asOf}}.</p>
        <table><caption>LADO measures, {{period}}</caption>
        <thead><tr><th scope="col">Measure</th><th scope="col">Timescale</th><th scope="col" class="num">Value</th><th scope="col" class="num">Numerator</th><th scope="col" class="num">Denominator</th></tr></thead>
        <tbody>{{#figures}}<tr><td>{{#link}}<a href="{{link}}">{{id}} {{title}}</a>{{/link}}{{^link}}{{id}} {{title}}{{/link}}</td><td>{{timescale}}</td><td class="num">{{value}}</td><td class="num">{{numerator}}</td><td class="num">{{denominator}}</td></tr>{{/figures}}</tbody></table>
        <table><caption>Open allegations by age on {{asOf}}</caption>
        <thead><tr><th scope="col">Open for</th><th scope="col" class="num">Allegations</th></tr></thead>
        <tbody>{{#bands}}<tr><td>{{label}}</td><td class="num">{{count}}</td></tr>{{/bands}}</tbody></table>
        {{#isLADOTeam}}
        <h2>Open allegations</h2>
        <table><caption>Oldest first</caption>
        <thead><tr><th scope="col">Allegation</th><th scope="col">Received</th><th scope="col">Person</th><th scope="col">Role</th><th scope="col">Employer</th><th scope="col">Sector</th><th scope="col">Officer</th><th scope="col">Stage</th><th scope="col" class="num">Open</th></tr></thead>
        <tbody>{{#open}}<tr><td><a href="/trackers/lado/{{id}}">{{id}}</a></td><td>{{received}}</td><td>{{person}}</td><td>{{role}}</td><td>{{employer}}</td><td>{{sector}}</td><td>{{officer}}</td><td>{{stage}}</td><td class="num">{{age}}</td></tr>{{/open}}</tbody></table>
        {{/isLADOTeam}}
        {{^isLADOTeam}}<p class="inset">Allegation records name the people they are about and are open to the LADO team only. These figures name nobody.</p>{{/isLADOTeam}}
        {{/content}}{{/layout}}
        """

    static let ladoMeasure = """
        {{<layout}}{{$title}}{{id}} {{title}}{{/title}}{{$content}}
        <ol class="breadcrumbs"><li><a href="/trackers/lado">LADO allegations</a></li><li>{{id}}</li></ol>
        <h1>{{id}} {{title}}: {{value}}</h1>
        <p>{{definition}}</p>
        <p class="muted small">{{period}}. Source: {{citation}}.</p>
        <table><caption>The allegations behind the figure</caption>
        <thead><tr><th scope="col">Record</th><th scope="col">Counted</th><th scope="col">Detail</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{record}}</td><td>{{#inNumerator}}<span class="flag-ok">yes</span>{{/inNumerator}}{{^inNumerator}}<span class="flag-late">no</span>{{/inNumerator}}</td><td>{{detail}}</td></tr>{{/rows}}</tbody></table>
        {{/content}}{{/layout}}
        """

    static let ladoAllegation = """
        {{<layout}}{{$title}}Allegation {{id}}{{/title}}{{$content}}
        <ol class="breadcrumbs"><li><a href="/trackers/lado">LADO allegations</a></li><li>{{id}}</li></ol>
        <h1>Allegation {{id}}</h1>
        <p><strong class="tag tag-red">LADO team only</strong> Every view of this record is logged.</p>
        <dl class="summary">
        <dt>Received</dt><dd>{{received}}</dd>
        <dt>Referred by</dt><dd>{{referrer}}</dd>
        <dt>Person</dt><dd>{{person}}, {{role}}</dd>
        <dt>Date of birth</dt><dd>{{born}}</dd>
        <dt>Employer</dt><dd>{{employer}} ({{sector}})</dd>
        <dt>Harm test</dt><dd>{{harmTests}}</dd>
        <dt>Children</dt><dd>{{#children}}{{.}}<br>{{/children}}</dd>
        <dt>LADO officer</dt><dd>{{officer}}</dd>
        <dt>Decision</dt><dd>{{decision}}</dd>
        <dt>Outcome</dt><dd>{{outcome}}</dd>
        <dt>Retention</dt><dd>{{retention}}</dd>
        </dl>
        <h2>Workflow</h2>
        <table><caption>Steps, in the order recorded</caption>
        <thead><tr><th scope="col">Date</th><th scope="col">Step</th><th scope="col">Detail</th></tr></thead>
        <tbody>{{#steps}}<tr><td>{{date}}</td><td>{{step}}</td><td>{{detail}}</td></tr>{{/steps}}</tbody></table>
        {{/content}}{{/layout}}
        """

    static let notificationQueue = """
        {{<layout}}{{$title}}Partner notifications{{/title}}{{$content}}
        <h1>Partner-notification screening queue</h1>
        {{#alert}}<div class="error-summary" role="alert"><h2>Service level breached</h2><p>{{alert}}</p></div>{{/alert}}
        <dl class="summary">
        <dt>As of</dt><dd>{{asOf}}</dd>
        <dt>Waiting to be screened</dt><dd>{{size}}</dd>
        <dt>Oldest</dt><dd>{{oldest}}</dd>
        <dt>Throughput</dt><dd>{{throughput}}</dd>
        <dt>Time to clear</dt><dd>{{forecast}}</dd>
        <dt>Service level</dt><dd>{{serviceLevel}}</dd>
        </dl>
        <table><caption>Waiting, by age</caption>
        <thead><tr><th scope="col">Waiting</th><th scope="col" class="num">Notifications</th></tr></thead>
        <tbody>{{#bands}}<tr><td>{{label}}</td><td class="num">{{count}}</td></tr>{{/bands}}</tbody></table>
        <table><caption>Screening measures</caption>
        <thead><tr><th scope="col">Measure</th><th scope="col" class="num">Value</th><th scope="col" class="num">Numerator</th><th scope="col" class="num">Denominator</th></tr></thead>
        <tbody>{{#figures}}<tr><td>{{id}} {{title}}</td><td class="num">{{value}}</td><td class="num">{{numerator}}</td><td class="num">{{denominator}}</td></tr>{{/figures}}</tbody></table>
        {{#showsList}}
        <h2>Oldest waiting</h2>
        <table><caption>Up to 200, oldest first</caption>
        <thead><tr><th scope="col">Notification</th><th scope="col">From</th><th scope="col">Received</th><th scope="col" class="num">Waiting</th><th scope="col" class="num">Working days</th><th scope="col">Service level</th></tr></thead>
        <tbody>{{#waiting}}<tr><td>{{id}}</td><td>{{source}}</td><td>{{received}}</td><td class="num">{{age}}</td><td class="num">{{workingDays}}</td><td>{{#beyond}}<span class="flag-late">breached</span>{{/beyond}}{{^beyond}}<span class="flag-ok">in time</span>{{/beyond}}</td></tr>{{/waiting}}</tbody></table>
        {{/showsList}}
        {{/content}}{{/layout}}
        """
}
