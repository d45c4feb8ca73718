// Invoker pre-build hook: sets this project up from README.md as a user would copy it. README's
// Install dependency and its test-jar dependencies replace the "<!-- README: ... -->" comments in
// pom.xml, and its TrackTimeTest goes to src/test/java. readme and projectVersion come from the
// invoker's scriptVariables (pom.xml).
def text = new File(readme).getText('UTF-8')
def section = { String heading ->
  int start = text.indexOf("\n## ${heading}")
  assert start >= 0 : "README.md has no section ${heading}"
  int end = text.indexOf('\n## ', start + 1)
  text.substring(start, end < 0 ? text.length() : end)
}
def block = { String body, String language, String containing ->
  def found = (body =~ /(?s)```${language}\n(.*?)```/).collect { it[1] }.find { it.contains(containing) }
  assert found != null : "README.md: no ${language} block with ${containing}"
  found.trim()
}
def install = block(section('Install'), 'xml', '<artifactId>toggl-api-java</artifactId>')
def testing = section('Testing your code')
def testJar = block(testing, 'xml', '<type>test-jar</type>')
assert testJar.contains("<version>${projectVersion}</version>") :
    "README.md: the test-jar dependency is not for version ${projectVersion}"
def pom = new File(basedir, 'pom.xml')
def xml = pom.getText('UTF-8')
[['<!-- README: Install -->', install], ['<!-- README: Testing your code -->', testJar]].each { marker, snippet ->
  assert xml.contains(marker)
  xml = xml.replace(marker, snippet.replace('\n', '\n    '))
}
pom.setText(xml, 'UTF-8')
def test = new File(basedir, 'src/test/java/TrackTimeTest.java')
test.parentFile.mkdirs()
test.setText(block(testing, 'java', 'class TrackTimeTest') + '\n', 'UTF-8')
