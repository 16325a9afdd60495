package dev.fulmar.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
  @TempDir Path dir;

  @Test
  void noFileMeansDefaults() {
    SettingsStore s = new SettingsStore(dir.resolve("fulmar"));
    assertThat(s.load()).isEqualTo(Settings.DEFAULTS);
    assertThat(s.problems()).isEmpty();
  }

  @Test
  void savedSettingsComeBackAndNoTemporaryFileIsLeft() throws IOException {
    SettingsStore s = new SettingsStore(dir.resolve("fulmar"));
    Settings mine = Settings.DEFAULTS.withConnectOnStart(true).withKillSwitch(true)
        .withAllowLan(false).withTheme(Settings.Theme.DARK).withLanguage("de")
        .withLastProfile("3f2a0c1e-0000-4000-8000-000000000001");
    s.save(mine);
    assertThat(new SettingsStore(dir.resolve("fulmar")).load()).isEqualTo(mine);
    try (Stream<Path> files = Files.list(dir.resolve("fulmar"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("app.properties");
    }
  }

  @Test
  void badValuesFallBackOneByOneAndAreReported() throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("app.properties"),
        "connectOnStart = yes\ntheme = purple\nlanguage = tlh\nkillSwitch = true\n",
        StandardCharsets.UTF_8);
    SettingsStore s = new SettingsStore(dir);
    Settings loaded = s.load();
    assertThat(loaded.killSwitch()).isTrue();
    assertThat(loaded.connectOnStart()).isFalse();
    assertThat(loaded.theme()).isEqualTo(Settings.Theme.SYSTEM);
    assertThat(loaded.language()).isEmpty();
    assertThat(s.problems()).hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("connectOnStart").contains("yes"))
        .anySatisfy(p -> assertThat(p).contains("purple"))
        .anySatisfy(p -> assertThat(p).contains("tlh"));
  }

  @Test
  void binaryGarbageStillStartsWithDefaults() throws IOException {
    Files.write(dir.resolve("app.properties"), new byte[] {0, (byte) 0xff, '\\', 'u', 'z', 'z'});
    SettingsStore s = new SettingsStore(dir);
    assertThat(s.load()).isEqualTo(Settings.DEFAULTS);
    assertThat(s.problems()).isNotEmpty();
  }
}
