package dev.fulmar.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutostartTest {
  @TempDir Path home;

  @Test
  void linuxWritesAndRemovesAnXdgAutostartEntry() throws IOException {
    Autostart a = Autostart.detect("Linux", Map.of("XDG_CONFIG_HOME", home.resolve("cfg").toString()),
        home, List.of("/opt/fulmar/bin/fulmar-app"));
    assertThat(a.isEnabled()).isFalse();
    a.setEnabled(true);
    Path file = home.resolve("cfg/autostart/dev.fulmar.app.desktop");
    assertThat(a.location()).isEqualTo(file.toString());
    assertThat(Files.readString(file)).startsWith("[Desktop Entry]\n")
        .contains("Exec=/opt/fulmar/bin/fulmar-app --minimized\n").contains("Type=Application\n");
    assertThat(a.isEnabled()).isTrue();
    a.setEnabled(false);
    assertThat(file).doesNotExist();
  }

  @Test
  void withoutXdgConfigHomeTheEntryGoesToDotConfig() {
    Autostart a = Autostart.detect("Linux", Map.of(), home, List.of("x"));
    assertThat(a.location()).isEqualTo(home.resolve(".config/autostart/dev.fulmar.app.desktop").toString());
  }

  @Test
  void execQuotesArgumentsAsTheDesktopEntrySpecAsks() {
    assertThat(XdgAutostart.exec(List.of("/usr/bin/java", "-cp", "/home/a b/x.jar:/y 100%",
        "dev.fulmar.app.Launcher")))
        .isEqualTo("/usr/bin/java -cp \"/home/a b/x.jar:/y 100%%\" dev.fulmar.app.Launcher");
    assertThat(XdgAutostart.exec(List.of("/p/$HOME\"x\\")))
        .isEqualTo("\"/p/\\\\$HOME\\\\\"x\\\\\\\\\"");
  }

  @Test
  void macOsWritesALaunchAgentThatRunsAtLoad() throws IOException {
    Autostart a = Autostart.detect("Mac OS X", Map.of(), home,
        List.of("/Applications/Fulmar.app/Contents/MacOS/Fulmar"));
    a.setEnabled(true);
    String plist = Files.readString(home.resolve("Library/LaunchAgents/dev.fulmar.app.plist"));
    assertThat(plist).contains("<string>/Applications/Fulmar.app/Contents/MacOS/Fulmar</string>")
        .contains("<string>--minimized</string>").contains("<key>RunAtLoad</key><true/>");
  }

  @Test
  void windowsUsesTheRunKeyWithAQuotedPath() {
    Autostart a = Autostart.detect("Windows 11", Map.of(), home,
        List.of("C:\\Program Files\\Fulmar\\Fulmar.exe"));
    assertThat(a.location()).endsWith("CurrentVersion\\Run\\Fulmar");
    assertThat(((WindowsRunKey) a).commandLine())
        .isEqualTo("\"C:\\Program Files\\Fulmar\\Fulmar.exe\" --minimized");
  }
}
