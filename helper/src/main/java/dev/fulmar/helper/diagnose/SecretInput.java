package dev.fulmar.helper.diagnose;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where secrets come from on the command line: one line of standard input ({@code
 * --password-stdin}), or the terminal with echo off. Never the arguments.
 */
public interface SecretInput {
  /** Reads one line (without its line end); empty input is an error. */
  char[] readLine() throws IOException;

  /** Whether a person can be asked (a terminal is attached). */
  boolean interactive();

  /** Asks for {@code what} with echo off; empty when the user gives nothing. */
  Optional<char[]> prompt(String what);

  /** Standard input and the process's console. */
  static SecretInput system() {
    return new SecretInput() {
      @Override
      public char[] readLine() throws IOException {
        return SecretInput.readLine(System.in);
      }

      @Override
      public boolean interactive() {
        return System.console() != null;
      }

      @Override
      public Optional<char[]> prompt(String what) {
        Console c = System.console();
        char[] typed = c == null ? null : c.readPassword("%s: ", what);
        return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(typed);
      }
    };
  }

  /** One line of UTF-8 from {@code in}, at most 4096 bytes; the buffer is wiped. */
  static char[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (buf.size() >= 4096) {
        throw new IOException("the line on standard input is longer than 4096 bytes");
      }
      buf.write(b);
    }
    byte[] bytes = buf.toByteArray();
    int len = bytes.length;
    if (len > 0 && bytes[len - 1] == '\r') {
      len--;
    }
    if (len == 0) {
      throw new IOException("--password-stdin: standard input gave no secret");
    }
    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, len));
    char[] out = new char[chars.remaining()];
    chars.get(out);
    Arrays.fill(bytes, (byte) 0);
    Arrays.fill(chars.array(), '\0');
    return out;
  }
}
