package dev.fulmar.app.cli;

import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.SecretText;
import dev.fulmar.profiles.secrets.SecretKind;
import dev.fulmar.profiles.secrets.SecretStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the CLI's secrets come from, in order: {@code --password-stdin} (one line), secrets in
 * the profile file, the user's keychain; anything still missing is prompted for by the helper and
 * answered at the terminal, or refused when there is none. Secrets never come from argv.
 */
final class Secrets {
  private static final int MAX_LINE = 4096;

  private Secrets() {}

  /** One line of UTF-8 from {@code in}, without the line end; the caller wipes it. */
  static char[] readLine(InputStream in) throws CliException {
    byte[] buf = new byte[MAX_LINE];
    int n = 0;
    try {
      for (int b; n < MAX_LINE && (b = in.read()) != -1 && b != '\n'; ) {
        buf[n++] = (byte) b;
      }
      if (n > 0 && buf[n - 1] == '\r') {
        n--;
      }
      if (n == 0) {
        throw new CliException(ExitCode.CREDENTIALS_NEEDED, "CREDENTIALS_NEEDED",
            "--password-stdin: standard input gave no password (an empty first line)");
      }
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, 0, n));
      char[] out = new char[chars.remaining()];
      chars.get(out);
      Arrays.fill(chars.array(), '\0');
      return out;
    } catch (CharacterCodingException e) {
      throw new CliException(ExitCode.USAGE, "USAGE", "--password-stdin: the line is not UTF-8");
    } catch (IOException e) {
      throw new CliException(ExitCode.ERROR, "ERROR", "cannot read standard input: "
          + e.getMessage());
    } finally {
      Arrays.fill(buf, (byte) 0);
    }
  }

  /** The credentials to send up front for {@code target}; {@code stdin} is copied, not kept. */
  static Credentials upFront(Target target, char[] stdin, CliEnvironment env) {
    SecretKind kind = target.secretKind();
    char[] value = stdin != null ? stdin.clone() : target.fileSecrets().get(kind);
    if (value == null && target.profile() != null) {
      value = fromKeychain(env, target, kind);
    }
    if (value == null) {
      return Credentials.none();
    }
    try {
      SecretText s = SecretText.of(value);
      return switch (kind) {
        case EAP_PASSWORD -> new Credentials(null, s, null, null);
        case PKCS12_PASSWORD -> new Credentials(null, null, s, null);
        case PSK -> new Credentials(null, null, null, s);
      };
    } finally {
      Arrays.fill(value, '\0');
    }
  }

  private static char[] fromKeychain(CliEnvironment env, Target t, SecretKind kind) {
    try {
      SecretStore store = env.secrets().get();
      if (!store.availability().available()) {
        return null;
      }
      Optional<char[]> v = store.get(t.profile().id(), kind);
      return v.orElse(null);
    } catch (Exception e) {
      return null; // no keychain: the helper will ask
    }
  }
}
