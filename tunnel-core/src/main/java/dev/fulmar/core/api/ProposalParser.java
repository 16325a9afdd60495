package dev.fulmar.core.api;

import dev.fulmar.core.api.Algorithm.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads strongSwan-style proposal strings ({@code aes256gcm16-prfsha384-ecp384-ke1_mlkem768}) into
 * algorithm lists, and refuses weak algorithms with their names.
 */
final class ProposalParser {
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("aes128gcm", "aes128gcm16"),
          Map.entry("aes192gcm", "aes192gcm16"),
          Map.entry("aes256gcm", "aes256gcm16"),
          Map.entry("aes128gcm128", "aes128gcm16"),
          Map.entry("aes192gcm128", "aes192gcm16"),
          Map.entry("aes256gcm128", "aes256gcm16"),
          Map.entry("x25519", "curve25519"),
          Map.entry("sha2_256", "sha256"),
          Map.entry("sha2_384", "sha384"),
          Map.entry("sha2_512", "sha512"),
          Map.entry("prfsha2_256", "prfsha256"),
          Map.entry("prfsha2_384", "prfsha384"),
          Map.entry("prfsha2_512", "prfsha512"));

  /** Algorithms of one proposal string, grouped by transform type; index 0..6 = ke1..ke7. */
  static final class Parsed {
    final List<Algorithm> encryption = new ArrayList<>();
    final List<Algorithm> integrity = new ArrayList<>();
    final List<Algorithm> prf = new ArrayList<>();
    final List<Algorithm> keyExchange = new ArrayList<>();
    final List<List<Algorithm>> additional = new ArrayList<>();
    final List<Algorithm> esn = new ArrayList<>();

    Parsed() {
      for (int i = 0; i < IkeProposal.MAX_ADDITIONAL_KEY_EXCHANGES; i++) {
        additional.add(new ArrayList<>());
      }
    }
  }

  private ProposalParser() {}

  static Parsed parse(String text) throws IkeSessionException {
    if (text == null || text.isBlank()) {
      throw invalid("an empty proposal");
    }
    Parsed p = new Parsed();
    Set<Algorithm> weak = new LinkedHashSet<>();
    for (String raw : text.trim().split("-")) {
      String token = raw.toLowerCase(Locale.ROOT);
      int slot = -1;
      if (token.matches("ke[1-7]_.+")) {
        slot = token.charAt(2) - '1';
        token = token.substring(4);
      }
      Algorithm a =
          Algorithm.byKeyword(ALIASES.getOrDefault(token, token))
              .orElseThrow(() -> invalid("unknown algorithm \"" + raw + "\" in \"" + text + "\""));
      if (a.isWeak()) {
        weak.add(a);
      }
      place(p, a, slot, text);
    }
    if (!weak.isEmpty()) {
      throw new IkeSessionException(
          IkeFailure.of(
              FailureStep.PREPARE, ErrorCode.WEAK_ALGORITHM,
              "who", "the profile asks for", "algorithm", names(weak)));
    }
    return p;
  }

  private static void place(Parsed p, Algorithm a, int slot, String text)
      throws IkeSessionException {
    if (slot >= 0) {
      if (a.kind() != Kind.KEY_EXCHANGE) {
        throw invalid(a.keyword() + " is not a key exchange method in \"" + text + "\"");
      }
      addOnce(p.additional.get(slot), a);
      return;
    }
    if (a == Algorithm.KE_NONE) {
      throw invalid("\"none\" is only allowed as an additional key exchange (keN_none)");
    }
    switch (a.kind()) {
      case ENCRYPTION:
        addOnce(p.encryption, a);
        break;
      case INTEGRITY:
        addOnce(p.integrity, a);
        break;
      case PRF:
        addOnce(p.prf, a);
        break;
      case KEY_EXCHANGE:
        addOnce(p.keyExchange, a);
        break;
      default:
        addOnce(p.esn, a);
    }
  }

  private static void addOnce(List<Algorithm> list, Algorithm a) {
    if (!list.contains(a)) {
      list.add(a);
    }
  }

  /** The PRF that strongSwan derives from an integrity keyword. */
  static Algorithm prfFor(Algorithm integrity) {
    switch (integrity) {
      case HMAC_SHA2_384_192:
        return Algorithm.PRF_HMAC_SHA2_384;
      case HMAC_SHA2_512_256:
        return Algorithm.PRF_HMAC_SHA2_512;
      default:
        return Algorithm.PRF_HMAC_SHA2_256;
    }
  }

  static String names(Iterable<Algorithm> algorithms) {
    StringBuilder sb = new StringBuilder();
    for (Algorithm a : algorithms) {
      sb.append(sb.length() == 0 ? "" : ", ").append(a.displayName());
    }
    return sb.toString();
  }

  static IkeSessionException invalid(String detail) {
    return new IkeSessionException(
        IkeFailure.of(FailureStep.PREPARE, ErrorCode.INVALID_PARAMETERS, "detail", detail));
  }
}
