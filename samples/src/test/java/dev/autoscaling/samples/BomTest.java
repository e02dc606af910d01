package dev.autoscaling.samples;

import io.fabric8.kubernetes.client.Version;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BOM (which has no parent, so repeats what it needs) manages every module of the project and pins the
 * fabric8 version the SDK is actually built and tested with.
 */
class BomTest {

  private static Document read(String path) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(path));
  }

  private static String child(Element element, String name) {
    NodeList nodes = element.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }

  @Test
  void shouldManageEveryModuleOfTheProject() throws Exception {
    // Given the modules of the reactor
    NodeList modules = read("../pom.xml").getElementsByTagName("module");
    List<String> artifactIds = new ArrayList<>();
    for (int i = 0; i < modules.getLength(); i++) {
      String module = modules.item(i).getTextContent().trim();
      if (!module.equals("bom")) {
        artifactIds.add(module);
      }
    }

    // When
    NodeList managed = read("../bom/pom.xml").getElementsByTagName("dependency");
    List<String> managedIds = new ArrayList<>();
    for (int i = 0; i < managed.getLength(); i++) {
      Element dependency = (Element) managed.item(i);
      if ("dev.autoscaling".equals(child(dependency, "groupId"))) {
        managedIds.add(child(dependency, "artifactId"));
      }
    }

    // Then
    assertThat(managedIds).containsExactlyInAnyOrderElementsOf(artifactIds);
  }

  @Test
  void shouldAlignFabric8OnTheVersionTheSdkIsBuiltWith() throws Exception {
    Element properties = (Element) read("../bom/pom.xml").getElementsByTagName("properties").item(0);

    assertThat(child(properties, "fabric8.version")).isEqualTo(Version.clientVersion());
  }
}
