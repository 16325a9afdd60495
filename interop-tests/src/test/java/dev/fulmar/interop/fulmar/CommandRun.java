package dev.fulmar.interop.fulmar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulmar.interop.lab.Cmd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * What one run of our {@code fulmar} or {@code fulmard} command printed and returned, and how
 * such a run gets a secret the way a user gives it: on standard input, from a file only root
 * can read, deleted afterwards, never on the command line.
 */
public record CommandRun(int exitCode, String stdout, String stderr) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Runs {@code command} to completion (or {@code timeout}) with {@code secret} (or nothing) on
   * standard input; the secret's file is made in {@code dir} and removed again.
   */
  public static CommandRun probe(Path dir, Duration timeout, String secret, List<String> command) {
    Path stdin = secret == null ? null : secretFile(dir, secret);
    try {
      Cmd.Result r = Cmd.probe(timeout, stdin, command);
      return new CommandRun(r.exitCode(), r.stdout(), r.stderr());
    } finally {
      if (stdin != null) {
        try {
          Files.deleteIfExists(stdin);
        } catch (IOException e) {
          // the lab directory goes with the lab
        }
      }
    }
  }

  /** A new file in {@code dir}, readable by root only, holding {@code secret} and a newline. */
  public static Path secretFile(Path dir, String secret) {
    try {
      Path f = Files.createTempFile(dir, "secret", ".txt",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(f, secret + "\n", StandardCharsets.UTF_8);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last line of standard output that is a JSON object. */
  public JsonNode json() {
    String line = stdout.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no JSON in: " + this));
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  /** Standard output followed by standard error. */
  public String output() {
    return stdout + stderr;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
  }
}
