// Invoker pre-build hook: puts README.md's Install dependency where pom.xml says
// "<!-- README: Install -->", so that this project depends on the SDK exactly as README tells users
// to. readme and projectVersion come from the invoker's scriptVariables (pom.xml).
def text = new File(readme).getText('UTF-8')
def section = text.substring(text.indexOf('\n## Install\n'))
section = section.substring(0, section.indexOf('\n## ', 1))
def xml = section =~ /(?s)```xml\n(.*?)```/
assert xml.find() : 'README.md: no xml block in the Install section'
def dependency = xml.group(1).trim()
assert dependency.contains("<version>${projectVersion}</version>") :
    "README.md: the Install section's dependency is not for version ${projectVersion}:\n${dependency}"
// The Gradle line names the same coordinates (Gradle itself is not run here).
def coordinates = (dependency =~ /<groupId>(.*?)<\/groupId>\s*<artifactId>(.*?)<\/artifactId>\s*<version>(.*?)<\/version>/)
assert coordinates.find() : "README.md: cannot read the coordinates of:\n${dependency}"
def gradle = "implementation(\"${coordinates.group(1)}:${coordinates.group(2)}:${coordinates.group(3)}\")"
assert section.contains(gradle) : "README.md: the Install section has no ${gradle}"
def pom = new File(basedir, 'pom.xml')
def marker = '<!-- README: Install -->'
assert pom.getText('UTF-8').contains(marker)
pom.setText(pom.getText('UTF-8').replace(marker, dependency.replace('\n', '\n    ')), 'UTF-8')
