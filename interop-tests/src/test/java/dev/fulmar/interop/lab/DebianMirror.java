package dev.fulmar.interop.lab;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Debian archive URL for debootstrap: {@code -Dfulmar.lab.mirror}, else the first Debian
 * archive (not the security archive) in the host's apt sources, else deb.debian.org.
 */
final class DebianMirror {
  static final String DEFAULT = "http://deb.debian.org/debian";

  private DebianMirror() {}

  static String forDebootstrap() {
    String override = System.getProperty("fulmar.lab.mirror");
    if (override != null && !override.isBlank()) {
      return override;
    }
    List<String> texts = new ArrayList<>();
    try {
      Path list = Path.of("/etc/apt/sources.list");
      if (Files.isRegularFile(list)) {
        texts.add(Files.readString(list));
      }
      Path dir = Path.of("/etc/apt/sources.list.d");
      if (Files.isDirectory(dir)) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{list,sources}")) {
          for (Path p : ds) {
            texts.add(Files.readString(p));
          }
        }
      }
    } catch (IOException e) {
      return DEFAULT;
    }
    for (String text : texts) {
      String uri = firstArchive(text);
      if (uri != null) {
        return uri;
      }
    }
    return DEFAULT;
  }

  /** The first Debian archive URI in a sources.list or deb822 .sources text, or null. */
  static String firstArchive(String text) {
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      List<String> candidates = new ArrayList<>();
      if (line.startsWith("URIs:")) {
        candidates.addAll(List.of(line.substring(5).strip().split("\\s+")));
      } else if (line.startsWith("deb ")) {
        for (String word : line.substring(4).strip().split("\\s+")) {
          if (word.contains("://")) {
            candidates.add(word);
            break;
          }
        }
      }
      for (String uri : candidates) {
        String u = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        if (u.matches("https?://.+") && u.endsWith("/debian")) {
          return u;
        }
      }
    }
    return null;
  }
}
