package dev.autoscaling.buildtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the build attaches, and so installs and deploys, for every module the BOM publishes: the jar with a Java
 * module name, the sources and Javadoc jars beside it (read from each module's target/, where the build wrote what
 * it attached), and the POM metadata a public repository requires (read from the repository invoker:install filled).
 */
class ArtifactsIT {

  private static Path root;
  private static Path repository;
  private static String version;
  private static List<String> published;
  private static final Map<String, Path> MODULE_DIRS = new HashMap<>();

  @BeforeAll
  static void readTheBom() throws Exception {
    root = Path.of(System.getProperty("project.root"));
    repository = Path.of(System.getProperty("it.repository"));
    version = System.getProperty("sdk.version");
    NodeList modules = xml(root.resolve("pom.xml")).getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      Path dir = root.resolve(modules.item(i).getTextContent().trim());
      MODULE_DIRS.put(projectField(xml(dir.resolve("pom.xml")), "artifactId"), dir);
    }
    Document bom = xml(root.resolve("bom/pom.xml"));
    published = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      if ("dev.autoscaling".equals(text(dependency, "groupId"))) {
        published.add(text(dependency, "artifactId"));
      }
    }
  }

  /** A file the module's build attached; built before this module, since build-tests depends on every one. */
  private static Path built(String artifactId, String suffix) {
    Path file = MODULE_DIRS.get(artifactId).resolve("target").resolve(artifactId + "-" + version + suffix);
    assertThat(file).as(artifactId + " is published (in the BOM), so build-tests must depend on it and it must be"
        + " built first").exists();
    return file;
  }

  private static Path file(String artifactId, String suffix) {
    return repository.resolve("dev/autoscaling").resolve(artifactId).resolve(version)
        .resolve(artifactId + "-" + version + suffix);
  }

  private static Path pom(String artifactId) {
    return file(artifactId, ".pom");
  }

  private static Document xml(Path path) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(path.toFile());
  }

  private static String text(Element element, String name) {
    NodeList nodes = element.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }

  /** The text of a direct child of the project element (not of a dependency or the parent). */
  private static String projectField(Document pom, String name) {
    NodeList children = pom.getDocumentElement().getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
        return child.getTextContent().trim();
      }
    }
    return null;
  }

  @Test
  void shouldPublishTheLibraryModules() {
    assertThat(published).contains("crd-validation", "keda-model", "karpenter-model", "simulation",
        "aks-provisioning", "workshop-recipes");
  }

  @Test
  void shouldLeaveSourcesAndJavadocBesideEveryJar() throws Exception {
    for (String artifactId : published) {
      try (JarFile sources = new JarFile(built(artifactId, "-sources.jar").toFile());
           JarFile javadoc = new JarFile(built(artifactId, "-javadoc.jar").toFile())) {
        assertThat(sources.stream().map(e -> e.getName()))
            .as(artifactId + " sources").anyMatch(name -> name.endsWith(".java"))
            .noneMatch(name -> name.startsWith("io/fabric8/"));
        assertThat(javadoc.getEntry("index.html")).as(artifactId + " javadoc").isNotNull();
      }
    }
  }

  @Test
  void shouldShipTheSourcesOfTheGeneratedModelsWithTheModels() throws Exception {
    try (JarFile sources = new JarFile(built("keda-model", "-sources.jar").toFile())) {
      assertThat(sources.getEntry("dev/autoscaling/keda/api/v1alpha1/ScaledObject.java")).isNotNull();
      assertThat(sources.getEntry("dev/autoscaling/keda/api/v1alpha1/ScaledObjectBuilder.java")).isNotNull();
      assertThat(sources.getEntry("dev/autoscaling/keda/triggers/RabbitmqTrigger.java")).isNotNull();
    }
  }

  @Test
  void shouldNameAJavaModuleInEveryJar() throws Exception {
    Map<String, String> moduleOwners = new HashMap<>();
    for (String artifactId : published) {
      try (JarFile jar = new JarFile(built(artifactId, ".jar").toFile())) {
        String name = jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        assertThat(name).as(artifactId).isNotNull().startsWith("dev.autoscaling.");
        // a valid module name, or the module system would refuse the jar
        ModuleDescriptor.newModule(name);
        assertThat(moduleOwners.put(name, artifactId)).as(name + " named twice").isNull();
      }
    }
    assertThat(moduleOwners).containsEntry("dev.autoscaling.validation", "crd-validation")
        .containsEntry("dev.autoscaling.keda", "keda-model")
        .containsEntry("dev.autoscaling.karpenter", "karpenter-model");
  }

  @Test
  void shouldCarryThePomMetadataAPublicRepositoryRequires() throws Exception {
    for (String artifactId : List.of("autoscaling-parent", "autoscaling-bom")) {
      Document pom = xml(pom(artifactId));
      assertThat(projectField(pom, "name")).as(artifactId).isNotBlank();
      assertThat(projectField(pom, "description")).as(artifactId).isNotBlank();
      assertThat(projectField(pom, "url")).as(artifactId).startsWith("https://");
      Element license = (Element) pom.getElementsByTagName("license").item(0);
      assertThat(text(license, "name")).as(artifactId).isEqualTo("Apache-2.0");
      Element scm = (Element) pom.getElementsByTagName("scm").item(0);
      assertThat(text(scm, "connection")).as(artifactId).startsWith("scm:git:");
      assertThat(pom.getElementsByTagName("developer").getLength()).as(artifactId).isPositive();
    }
    for (String artifactId : published) {
      Document pom = xml(MODULE_DIRS.get(artifactId).resolve("pom.xml"));
      assertThat(projectField(pom, "name")).as(artifactId).isNotBlank();
      assertThat(projectField(pom, "description")).as(artifactId).isNotBlank();
      Element parent = (Element) pom.getElementsByTagName("parent").item(0);
      assertThat(text(parent, "artifactId")).as(artifactId + " inherits the metadata").isEqualTo("autoscaling-parent");
    }
  }
}
