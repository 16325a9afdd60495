package dev.fulmar.profiles.codec;

import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.validate.Location;
import dev.fulmar.profiles.validate.Problem;
import dev.fulmar.profiles.validate.ProfileValidator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fulmar {@code .vpn} format (JSON, {@code "format": "fulmar-profile", "version": 1}): reads a
 * document into a validated {@link Profile} with every problem located, and writes a profile back.
 * Reading then writing then reading gives an equal profile; unknown fields survive the trip.
 */
public final class ProfileCodec {
  /** Largest document read (an embedded PKCS#12 and a few CA certificates fit easily). */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private ProfileCodec() {}

  /** Reads UTF-8 bytes (a BOM is tolerated). Never throws on bad input. */
  public static ReadResult read(byte[] utf8) {
    if (utf8.length > MAX_BYTES) {
      return failure(
          Problem.error(
              "",
              "the file is larger than "
                  + MAX_BYTES / 1024 / 1024
                  + " MiB, too large for a profile"));
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
      return read(text);
    } catch (CharacterCodingException e) {
      return failure(Problem.error("", "the file is not UTF-8 text"));
    }
  }

  /** Reads a document. Never throws on bad input: problems are in the result. */
  public static ReadResult read(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    JsonTree tree;
    try {
      tree = JsonTreeParser.parse(body);
    } catch (JsonTreeParser.SyntaxException e) {
      return failure(Problem.error("", e.getMessage()).at(e.location()));
    }
    Collector out = new Collector();
    SecretBundle secrets = SecretBundle.empty();
    Profile profile = new ProfileReader(out, secrets).read(tree, body);
    List<Problem> problems = new ArrayList<>(out.problems);
    if (profile != null) {
      for (Problem p : ProfileValidator.validate(profile)) {
        if (!coveredBy(p.path(), out.problems)) {
          problems.add(p.at(out.locate(p.path())));
        }
      }
    }
    problems.sort(ProfileCodec::byPosition);
    boolean ok = profile != null && problems.stream().noneMatch(Problem::isError);
    if (!ok) {
      secrets.close();
    }
    return new ReadResult(ok ? profile : null, problems, ok ? secrets : SecretBundle.empty());
  }

  /** Writes the profile without any secret. */
  public static String write(Profile profile) {
    return ProfileWriter.write(profile, null);
  }

  /**
   * Writes the profile with the given secrets embedded. Only for an explicit user request ({@code
   * fulmar export --include-secrets}): the file then contains passwords in clear.
   */
  public static String writeWithSecrets(Profile profile, SecretBundle secrets) {
    return ProfileWriter.write(profile, secrets);
  }

  /** True when the text looks like a Fulmar profile (for format detection); cheap and lenient. */
  public static boolean looksLikeProfile(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (!t.stripLeading().startsWith("{")) {
      return false;
    }
    for (int at = t.indexOf("\"format\""); at >= 0; at = t.indexOf("\"format\"", at + 1)) {
      int i = at + "\"format\"".length();
      while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
        i++;
      }
      if (i < t.length() && t.charAt(i) == ':') {
        i++;
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
          i++;
        }
        if (t.startsWith("\"" + ProfileReader.FORMAT + "\"", i)) {
          return true;
        }
      }
    }
    return false;
  }

  private static ReadResult failure(Problem p) {
    return new ReadResult(null, List.of(p), SecretBundle.empty());
  }

  /** True when the reader already reported an error at, above or below {@code path}. */
  private static boolean coveredBy(String path, List<Problem> reported) {
    for (Problem r : reported) {
      if (r.isError()
          && (r.path().equals(path)
              || path.startsWith(r.path() + ".")
              || path.startsWith(r.path() + "[")
              || r.path().startsWith(path + ".")
              || r.path().startsWith(path + "["))) {
        return true;
      }
    }
    return false;
  }

  private static int byPosition(Problem a, Problem b) {
    Location x = a.location();
    Location y = b.location();
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : 1) : -1;
    }
    return x.line() != y.line()
        ? Integer.compare(x.line(), y.line())
        : Integer.compare(x.column(), y.column());
  }
}
