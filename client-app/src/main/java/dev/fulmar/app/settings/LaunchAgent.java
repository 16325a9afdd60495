package dev.fulmar.app.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A per-user LaunchAgent ({@code ~/Library/LaunchAgents/dev.fulmar.app.plist}) on macOS. */
final class LaunchAgent implements Autostart {
  static final String LABEL = "dev.fulmar.app";
  private final Path file;
  private final List<String> command;

  LaunchAgent(Path agentsDir, List<String> command) {
    this.file = agentsDir.resolve(LABEL + ".plist");
    this.command = List.copyOf(command);
  }

  @Override
  public boolean isEnabled() {
    return Files.isRegularFile(file);
  }

  @Override
  public void setEnabled(boolean enabled) throws IOException {
    if (enabled) {
      AtomicFile.write(file, plist().getBytes(StandardCharsets.UTF_8));
    } else {
      Files.deleteIfExists(file);
    }
  }

  @Override
  public String location() {
    return file.toString();
  }

  String plist() {
    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" ")
        .append("\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n")
        .append("<plist version=\"1.0\">\n<dict>\n")
        .append("  <key>Label</key><string>").append(LABEL).append("</string>\n")
        .append("  <key>ProgramArguments</key>\n  <array>\n");
    for (String a : command) {
      s.append("    <string>").append(xml(a)).append("</string>\n");
    }
    return s.append("  </array>\n  <key>RunAtLoad</key><true/>\n</dict>\n</plist>\n").toString();
  }

  private static String xml(String v) {
    return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
