package dev.autoscaling.samples;

import io.fabric8.kubernetes.client.Version;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BOM (which has no parent, so repeats what it needs) manages every published module of the project, and the
 * build uses exactly the versions the BOM gives a consumer: the parent pom manages the same artifacts at the same
 * versions (it cannot import the BOM: a build of the parent alone could not resolve it).
 */
class BomTest {

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private static Document read(String path) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(path));
  }

  private static String child(Element element, String name) {
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && child.getTagName().equals(name)) {
        return child.getTextContent().trim();
      }
    }
    return null;
  }

  private static Element first(Document pom, String name) {
    return (Element) pom.getDocumentElement().getElementsByTagName(name).item(0);
  }

  private static Map<String, String> properties(Document pom) {
    Map<String, String> properties = new LinkedHashMap<>();
    Element element = first(pom, "properties");
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element property) {
        properties.put(property.getTagName(), property.getTextContent().trim());
      }
    }
    return properties;
  }

  private static String resolve(String value, Map<String, String> properties) {
    Matcher matcher = PROPERTY.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement = properties.getOrDefault(matcher.group(1), matcher.group());
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    return matcher.appendTail(out).toString();
  }

  /** groupId:artifactId:type:scope of each managed dependency, with its version, properties resolved. */
  private static Map<String, String> managed(Document pom) {
    Map<String, String> properties = properties(pom);
    Element management = first(pom, "dependencyManagement");
    NodeList dependencies = management.getElementsByTagName("dependency");
    Map<String, String> versions = new LinkedHashMap<>();
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      String type = child(dependency, "type");
      String scope = child(dependency, "scope");
      versions.put(child(dependency, "groupId") + ":" + child(dependency, "artifactId") + ":"
              + (type == null ? "jar" : type) + ":" + (scope == null ? "" : scope),
          resolve(child(dependency, "version"), properties));
    }
    return versions;
  }

  @Test
  void shouldManageEveryPublishedModuleOfTheProject() throws Exception {
    // Given the modules of the reactor that are deployed (build-tools and build-tests are not)
    NodeList modules = read("../pom.xml").getElementsByTagName("module");
    List<String> artifactIds = new ArrayList<>();
    for (int i = 0; i < modules.getLength(); i++) {
      String module = modules.item(i).getTextContent().trim();
      Document pom = read("../" + module + "/pom.xml");
      Element properties = first(pom, "properties");
      boolean deployed = properties == null || !"true".equals(child(properties, "maven.deploy.skip"));
      if (!module.equals("bom") && deployed) {
        artifactIds.add(child(pom.getDocumentElement(), "artifactId"));
      }
    }

    // When
    List<String> managedIds = managed(read("../bom/pom.xml")).keySet().stream()
        .filter(key -> key.startsWith("dev.autoscaling:")).map(key -> key.split(":")[1]).toList();

    // Then
    assertThat(artifactIds).contains("keda-model", "samples");
    assertThat(managedIds).containsExactlyInAnyOrderElementsOf(artifactIds);
  }

  @Test
  void shouldAlignFabric8OnTheVersionTheSdkIsBuiltWith() throws Exception {
    assertThat(properties(read("../bom/pom.xml"))).containsEntry("fabric8.version", Version.clientVersion());
    assertThat(properties(read("../pom.xml"))).containsEntry("fabric8.version", Version.clientVersion());
  }

  @Test
  void shouldBuildWithExactlyTheVersionsTheBomGivesAConsumer() throws Exception {
    // Given
    Map<String, String> bom = managed(read("../bom/pom.xml"));
    Map<String, String> parent = managed(read("../pom.xml"));

    // Then every artifact the BOM manages, the parent manages at the same version
    assertThat(bom).hasSizeGreaterThan(20);
    bom.forEach((artifact, version) -> assertThat(parent).as(artifact).containsEntry(artifact, version));
  }

  @Test
  void shouldPublishTheSameProjectMetadataAsTheParent() throws Exception {
    Document bom = read("../bom/pom.xml");
    Document parent = read("../pom.xml");

    // written out, not as properties: the POM is published as it is written
    for (String field : List.of("url", "licenses", "developers", "scm")) {
      assertThat(child(bom.getDocumentElement(), field)).as(field).isNotBlank().doesNotContain("${")
          .isEqualTo(child(parent.getDocumentElement(), field));
    }
    for (String property : List.of("project.build.outputTimestamp", "gpg.skip")) {
      assertThat(properties(bom).get(property)).as(property).isNotNull().isEqualTo(properties(parent).get(property));
    }
  }
}
