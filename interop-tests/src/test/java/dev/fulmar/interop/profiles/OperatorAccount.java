package dev.fulmar.interop.profiles;

import dev.fulmar.interop.lab.Cmd;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throw-away unprivileged account in a throw-away operator group: the person at the computer
 * who imports a profile and connects with it. Named after this JVM's pid so parallel runs stay
 * apart; {@link #close()} removes both, and accounts of a run whose JVM is gone are removed at
 * the next start.
 */
final class OperatorAccount implements AutoCloseable {
  private static final Pattern OURS = Pattern.compile("^(flabp(\\d+)[a-z]+):", Pattern.MULTILINE);
  final String group;
  final String user;
  private final List<Runnable> undo = new ArrayList<>();

  OperatorAccount() {
    removeStale();
    long pid = ProcessHandle.current().pid();
    group = "flabp" + pid + "ops";
    user = "flabp" + pid + "user";
    Cmd.run("groupadd", "--system", group);
    undo.add(() -> Cmd.probe("groupdel", group));
    Cmd.run("useradd", "--system", "--no-create-home", "--no-user-group", "--gid", "nogroup",
        "--groups", group, "--shell", "/usr/sbin/nologin", user);
    undo.add(0, () -> Cmd.probe("userdel", user));
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
