package dev.fulmar.interop.daemon;

import dev.fulmar.interop.lab.Cmd;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throw-away accounts for the daemon tests: an operator group and a user in it, named after this
 * JVM's pid so parallel runs stay apart. {@link #close()} removes them; accounts of a run whose
 * JVM is gone are removed at the next start.
 */
final class LocalAccounts implements AutoCloseable {
  private static final Pattern OURS = Pattern.compile("^(flabd(\\d+)[a-z]+):", Pattern.MULTILINE);
  final String group;
  final String operator;
  private final List<Runnable> undo = new ArrayList<>();

  LocalAccounts() {
    removeStale();
    long pid = ProcessHandle.current().pid();
    group = "flabd" + pid + "ops";
    operator = "flabd" + pid + "op";
    Cmd.run("groupadd", "--system", group);
    undo.add(() -> Cmd.probe("groupdel", group));
    Cmd.run("useradd", "--system", "--no-create-home", "--no-user-group", "--gid", "nogroup",
        "--groups", group, "--shell", "/usr/sbin/nologin", operator);
    undo.add(0, () -> Cmd.probe("userdel", operator));
  }

  /** The numeric id of {@code group}. */
  static String gid(String group) {
    return Cmd.run("getent", "group", group).stdout().split(":")[2];
  }

  private static void removeStale() {
    for (String db : List.of("passwd", "group")) {
      Matcher m = OURS.matcher(Cmd.run("getent", db).stdout());
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
