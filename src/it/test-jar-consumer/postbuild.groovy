// Invoker post-build hook: the user's tests print only their own output (here none). SLF4J's
// warnings about a missing or mismatched provider are what README's dependencies once printed.
def log = new File(basedir, 'build.log').getText('UTF-8')
def slf4j = log.readLines().findAll { it.contains('SLF4J') }
assert slf4j.isEmpty() : "The tests printed SLF4J warnings:\n${slf4j.join('\n')}"
def report = new File(basedir, 'target/surefire-reports/TEST-TrackTimeTest.xml')
assert report.isFile() : 'TrackTimeTest did not run'
def suite = (report.getText('UTF-8') =~ /<testsuite [^>]*>/)[0]
def counts = ['tests', 'failures', 'errors', 'skipped'].collect { (suite =~ /\b${it}="(\d+)"/)[0][1] }
assert counts == ['2', '0', '0', '0'] : "TrackTimeTest: tests, failures, errors, skipped = ${counts}"
