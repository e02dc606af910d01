package dev.autoscaling.samples.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The compiled classes of one library module, found from one class known to be in it (its classes folder in a
 * reactor build, its jar otherwise), with what each class refers to, read from its class file's constant pool: the
 * classes it names and every type in its descriptors, which is what the JVM would link against.
 */
record ModuleClasses(String module, List<String> classNames, List<ClassReferences> references) {

  /** One class file's name and the internal names ({@code a/b/C}) of the classes it refers to. */
  record ClassReferences(String className, Set<String> referred) {
  }

  static ModuleClasses of(String module, Class<?> anyClassOfTheModule) {
    Path location;
    try {
      location = Path.of(anyClassOfTheModule.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<String> names = new ArrayList<>();
    List<ClassReferences> references = new ArrayList<>();
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
            String name = location.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            add(name, Files.newInputStream(file), names, references);
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
              add(entry.getName(), jar.getInputStream(entry), names, references);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ModuleClasses(module, names, references);
  }

  private static void add(String file, InputStream in, List<String> names, List<ClassReferences> references)
      throws IOException {
    String internal = file.substring(0, file.length() - ".class".length());
    if (internal.endsWith("module-info") || internal.endsWith("package-info")) {
      in.close();
      return;
    }
    names.add(internal.replace('/', '.'));
    try (DataInputStream data = new DataInputStream(in)) {
      references.add(new ClassReferences(internal, referred(data)));
    }
  }

  /**
   * The classes a class file refers to: its CONSTANT_Class entries and the class names inside every descriptor
   * and signature string ({@code Lpkg/Name;}), so a type used only in a field or method signature counts too.
   */
  private static Set<String> referred(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> classIndexes = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classIndexes.add(in.readUnsignedShort());
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // takes two entries
        }
        case 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> referred = new HashSet<>();
    for (int index : classIndexes) {
      String name = utf8[index];
      referred.add(name.startsWith("[") ? name.replaceAll("^\\[+L?|;$", "") : name);
    }
    for (String text : utf8) {
      if (text == null) {
        continue;
      }
      int at = text.indexOf('L');
      while (at >= 0) {
        int end = text.indexOf(';', at);
        int generic = text.indexOf('<', at);
        if (end < 0) {
          break;
        }
        String candidate = text.substring(at + 1, generic > at && generic < end ? generic : end);
        if (candidate.startsWith("dev/autoscaling/") || candidate.startsWith("com/")) {
          referred.add(candidate);
        }
        at = text.indexOf('L', at + 1);
      }
    }
    return referred;
  }
}
