package dev.fulmar.interop.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Mount points of the host's mount namespace, as {@code findmnt} lists them. */
final class Mounts {
  private Mounts() {}

  /** Every mount point at or below {@code dir} in the host's mount namespace. */
  static List<String> below(Path dir) {
    Cmd.Result r = Cmd.run("findmnt", "-rn", "-o", "TARGET");
    return below(dir, r.stdout());
  }

  static List<String> below(Path dir, String findmntOutput) {
    String root = dir.toAbsolutePath().normalize().toString();
    List<String> hits = new ArrayList<>();
    for (String line : findmntOutput.split("\n")) {
      String target = unescape(line.strip());
      if (target.equals(root) || target.startsWith(root + "/")) {
        hits.add(target);
      }
    }
    return hits;
  }

  /** findmnt -r escapes blanks and other unsafe characters as \xHH. */
  static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x') {
        b.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
