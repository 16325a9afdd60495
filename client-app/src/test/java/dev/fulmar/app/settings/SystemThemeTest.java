package dev.fulmar.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemThemeTest {

  private static SystemTheme.CommandRunner answering(Map<String, String> byLastArg) {
    return cmd -> Optional.ofNullable(byLastArg.get(cmd.get(cmd.size() - 1)));
  }

  @Test
  void gnomeColorSchemePreferDarkIsDark() {
    assertThat(SystemTheme.prefersDark("Linux", Map.of(),
        answering(Map.of("color-scheme", "'prefer-dark'\n")))).isTrue();
  }

  @Test
  void gnomePreferLightWinsOverADarkishThemeName() {
    assertThat(SystemTheme.prefersDark("Linux", Map.of(),
        answering(Map.of("color-scheme", "'prefer-light'", "gtk-theme", "'Adwaita-dark'"))))
        .isFalse();
  }

  @Test
  void aDarkGtkThemeIsDarkWhenNoColorSchemeIsSet() {
    assertThat(SystemTheme.prefersDark("Linux", Map.of(),
        answering(Map.of("color-scheme", "'default'", "gtk-theme", "'Adwaita-dark'")))).isTrue();
    assertThat(SystemTheme.prefersDark("Linux", Map.of("GTK_THEME", "Adwaita:dark"),
        answering(Map.of()))).isTrue();
  }

  @Test
  void nothingToAskMeansLight() {
    assertThat(SystemTheme.prefersDark("Linux", Map.of(), cmd -> Optional.empty())).isFalse();
  }

  @Test
  void macOsAndWindowsAnswersAreRead() {
    assertThat(SystemTheme.prefersDark("Mac OS X", Map.of(),
        answering(Map.of("AppleInterfaceStyle", "Dark\n")))).isTrue();
    String reg = "\r\nHKEY_CURRENT_USER\\...\\Personalize\r\n    AppsUseLightTheme    REG_DWORD    0x0\r\n";
    assertThat(SystemTheme.prefersDark("Windows 10", Map.of(),
        answering(Map.of("AppsUseLightTheme", reg)))).isTrue();
    assertThat(SystemTheme.windowsDark(reg.replace("0x0", "0x1"))).isFalse();
  }
}
