package dev.fulmar.app.files;

import java.nio.file.Path;

/**
 * A file a profile names cannot be embedded: it is missing, unreadable, too large or not what
 * the field says. The message names the field, the file and the reason, for people.
 */
public final class ReferencedFileException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final transient Path file;

  ReferencedFileException(String field, Path file, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.file = file;
  }

  /** The profile field that names the file, e.g. {@code trust.caCertificates[0].path}. */
  public String field() {
    return field;
  }

  /** The file as resolved (absolute when the base directory was). */
  public Path file() {
    return file;
  }
}
