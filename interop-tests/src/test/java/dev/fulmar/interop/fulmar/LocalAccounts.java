package dev.fulmar.interop.fulmar;

import dev.fulmar.interop.lab.Cmd;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throw-away local accounts for tests of the helper's access control: an operator group and an
 * unprivileged user in it (the person at the computer who imports profiles and connects). Named
 * {@code <prefix><jvm pid>ops} and {@code <prefix><jvm pid>op}, so parallel runs and test classes
 * with different prefixes stay apart. {@link #close()} removes them; accounts with the same
 * prefix left by a run whose JVM is gone are removed at the next start.
 */
public final class LocalAccounts implements AutoCloseable {
  /** The operator group's name. */
  public final String group;
  /** The unprivileged user's name, a member of {@link #group}. */
  public final String operator;
  private final List<Runnable> undo = new ArrayList<>();

  /** Creates the group and the user; {@code prefix} is lower-case letters, e.g. "flabd". */
  public LocalAccounts(String prefix) {
    if (!prefix.matches("[a-z]+")) {
      throw new IllegalArgumentException("account prefix must be lower-case letters: " + prefix);
    }
    removeStale(prefix);
    long pid = ProcessHandle.current().pid();
    group = prefix + pid + "ops";
    operator = prefix + pid + "op";
    Cmd.run("groupadd", "--system", group);
    undo.add(() -> Cmd.probe("groupdel", group));
    Cmd.run("useradd", "--system", "--no-create-home", "--no-user-group", "--gid", "nogroup",
        "--groups", group, "--shell", "/usr/sbin/nologin", operator);
    undo.add(0, () -> Cmd.probe("userdel", operator));
  }

  /** The numeric id of {@code group}. */
  public static String gid(String group) {
    return Cmd.run("getent", "group", group).stdout().split(":")[2];
  }

  private static void removeStale(String prefix) {
    Pattern ours = Pattern.compile("^(" + prefix + "(\\d+)[a-z]+):", Pattern.MULTILINE);
    for (String db : List.of("passwd", "group")) {
      Matcher m = ours.matcher(Cmd.run("getent", db).stdout());
      while (m.find()) {
        if (ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty()) {
          Cmd.probe(db.equals("passwd") ? "userdel" : "groupdel", m.group(1));
        }
      }
    }
  }

  @Override
  public void close() {
    undo.forEach(Runnable::run);
  }
}
