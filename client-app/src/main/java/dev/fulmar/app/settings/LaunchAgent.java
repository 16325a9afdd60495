package dev.fulmar.app.settings;

import java.nio.file.Path;
import java.util.List;

/** A per-user LaunchAgent ({@code ~/Library/LaunchAgents/dev.fulmar.app.plist}) on macOS. */
final class LaunchAgent extends FileAutostart {
  static final String LABEL = "dev.fulmar.app";

  LaunchAgent(Path agentsDir, List<String> command) {
    super(agentsDir.resolve(LABEL + ".plist"), command);
  }

  @Override
  String content() {
    return plist();
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
