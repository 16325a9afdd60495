package dev.fulmar.interop.fulmar;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * This JVM's class path (without test classes) linked or copied into a directory every user can
 * read, so the real {@code fulmar} can run as an unprivileged account (Maven's repository under
 * {@code /root} is not readable by it).
 */
public final class ReadableClassPath {
  private ReadableClassPath() {}

  /** Fills {@code dir} and returns the class path for {@code java -cp}. */
  public static String in(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      List<String> out = new ArrayList<>();
      int n = 0;
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        Path p = Path.of(entry);
        if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
          Path link = dir.resolve(n++ + "-" + p.getFileName());
          try {
            Files.createLink(link, p);
          } catch (IOException | UnsupportedOperationException e) {
            Files.copy(p, link, StandardCopyOption.REPLACE_EXISTING);
          }
          Files.setPosixFilePermissions(link, PosixFilePermissions.fromString("rw-r--r--"));
          out.add(link.toString());
        } else if (Files.isDirectory(p) && !entry.contains("test-classes")) {
          Path copy = dir.resolve(n++ + "-classes");
          copyTree(p, copy);
          out.add(copy.toString());
        }
      }
      return String.join(File.pathSeparator, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
          Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
  }
}
