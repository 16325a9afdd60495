package dev.fulmar.app.settings;

import dev.fulmar.profiles.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Start at login through a file the desktop reads at login: enabled while the file exists,
 * written atomically when switched on, deleted when switched off.
 */
abstract class FileAutostart implements Autostart {
  final Path file;
  final List<String> command;

  FileAutostart(Path file, List<String> command) {
    this.file = file;
    this.command = List.copyOf(command);
  }

  /** What the file holds for {@link #command}. */
  abstract String content();

  @Override
  public final boolean isEnabled() {
    return Files.isRegularFile(file);
  }

  @Override
  public final void setEnabled(boolean enabled) throws IOException {
    if (enabled) {
      AtomicFiles.write(file, content().getBytes(StandardCharsets.UTF_8));
    } else {
      Files.deleteIfExists(file);
    }
  }

  @Override
  public final String location() {
    return file.toString();
  }
}
