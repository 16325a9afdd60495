package dev.fulmar.app.settings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The value {@code Fulmar} under {@code HKCU\Software\Microsoft\Windows\CurrentVersion\Run},
 * written with {@code reg.exe} (no native code needed for one value).
 */
final class WindowsRunKey implements Autostart {
  static final String KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
  static final String VALUE = "Fulmar";
  private final List<String> command;

  WindowsRunKey(List<String> command) {
    this.command = List.copyOf(command);
  }

  @Override
  public boolean isEnabled() {
    try {
      return reg(List.of("query", KEY, "/v", VALUE)) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void setEnabled(boolean enabled) throws IOException {
    int rc = enabled
        ? reg(List.of("add", KEY, "/v", VALUE, "/t", "REG_SZ", "/d", commandLine(), "/f"))
        : reg(List.of("delete", KEY, "/v", VALUE, "/f"));
    if (rc != 0 && enabled) {
      throw new IOException("reg.exe could not write " + KEY + "\\" + VALUE + " (exit " + rc + ")");
    }
  }

  @Override
  public String location() {
    return KEY + "\\" + VALUE;
  }

  String commandLine() {
    return command.stream().map(a -> a.contains(" ") ? "\"" + a + "\"" : a)
        .collect(Collectors.joining(" "));
  }

  private static int reg(List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add("reg.exe");
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("reg.exe did not finish");
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running reg.exe", e);
    }
  }
}
