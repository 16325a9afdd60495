package dev.fulmar.profiles.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** strongSwan proposal keywords (with their common aliases) and the proposal string parser. */
final class ProposalSyntax {
  private static final Map<String, Algorithm> KEYWORDS = new HashMap<>();
  private static final int MAX_LENGTH = 1024;

  static {
    for (Encryption e : Encryption.values()) {
      KEYWORDS.put(e.keyword(), e);
    }
    for (Integrity i : Integrity.values()) {
      KEYWORDS.put(i.keyword(), i);
    }
    for (Prf p : Prf.values()) {
      KEYWORDS.put(p.keyword(), p);
    }
    for (KeyExchange k : KeyExchange.values()) {
      KEYWORDS.put(k.keyword(), k);
    }
    alias("aes", Encryption.AES128);
    for (String bits : new String[] {"128", "192", "256"}) {
      Encryption gcm16 = Encryption.valueOf("AES" + bits + "GCM16");
      alias("aes" + bits + "gcm", gcm16);
      alias("aes" + bits + "gcm128", gcm16);
    }
    alias("aes128gcm64", Encryption.AES128GCM8);
    alias("aes256gcm64", Encryption.AES256GCM8);
    alias("aes128gcm96", Encryption.AES128GCM12);
    alias("aes256gcm96", Encryption.AES256GCM12);
    alias("blowfish128", Encryption.BLOWFISH);
    alias("cast", Encryption.CAST128);
    alias("sha", Integrity.SHA1);
    alias("sha1_96", Integrity.SHA1);
    alias("sha2_256", Integrity.SHA256);
    alias("sha2_384", Integrity.SHA384);
    alias("sha2_512", Integrity.SHA512);
    alias("prfsha", Prf.PRFSHA1);
    alias("curve25519", KeyExchange.CURVE25519);
    alias("curve448", KeyExchange.CURVE448);
  }

  private ProposalSyntax() {}

  private static void alias(String name, Algorithm a) {
    KEYWORDS.put(name, a);
  }

  /** The algorithm a keyword names, or null. */
  static Algorithm lookup(String keyword) {
    return KEYWORDS.get(keyword.toLowerCase(Locale.ROOT));
  }

  static IkeProposal parseIke(String text) throws ProposalSyntaxException {
    Parts p = split(text, false);
    List<Prf> prf = p.prf;
    if (prf.isEmpty()) {
      prf = new ArrayList<>();
      for (Integrity i : p.integ) {
        if (!prf.contains(i.matchingPrf())) {
          prf.add(i.matchingPrf());
        }
      }
    }
    return new IkeProposal(p.encr, p.integ, prf, p.ke, p.addKe);
  }

  static EspProposal parseEsp(String text) throws ProposalSyntaxException {
    Parts p = split(text, true);
    if (!p.prf.isEmpty()) {
      throw new ProposalSyntaxException(
          "'" + p.prf.get(0).keyword() + "' is a PRF, which ESP proposals do not take", p.prfAt);
    }
    return new EspProposal(p.encr, p.integ, p.ke, p.addKe, p.esn);
  }

  private static final class Parts {
    final List<Encryption> encr = new ArrayList<>();
    final List<Integrity> integ = new ArrayList<>();
    final List<Prf> prf = new ArrayList<>();
    final List<KeyExchange> ke = new ArrayList<>();
    final TreeMap<Integer, List<KeyExchange>> addKe = new TreeMap<>();
    final List<EspProposal.Esn> esn = new ArrayList<>();
    int prfAt = -1;
  }

  private static Parts split(String text, boolean esp) throws ProposalSyntaxException {
    if (text.length() > MAX_LENGTH) {
      throw new ProposalSyntaxException(
          "the proposal is longer than " + MAX_LENGTH + " characters", 0);
    }
    if (text.isBlank()) {
      throw new ProposalSyntaxException("the proposal is empty", 0);
    }
    Parts parts = new Parts();
    int start = 0;
    while (start <= text.length()) {
      int dash = text.indexOf('-', start);
      int end = dash < 0 ? text.length() : dash;
      String raw = text.substring(start, end);
      String token = raw.strip().toLowerCase(Locale.ROOT);
      int at = start + (raw.length() - raw.stripLeading().length());
      if (token.isEmpty()) {
        throw new ProposalSyntaxException("empty algorithm name (two '-' in a row?)", start);
      }
      addToken(parts, token, at, esp);
      if (dash < 0) {
        break;
      }
      start = dash + 1;
    }
    if (parts.encr.isEmpty()) {
      throw new ProposalSyntaxException("the proposal names no encryption algorithm", 0);
    }
    return parts;
  }

  private static void addToken(Parts parts, String token, int at, boolean esp)
      throws ProposalSyntaxException {
    if (token.length() > 3
        && token.startsWith("ke")
        && token.charAt(3) == '_'
        && Character.isDigit(token.charAt(2))) {
      int n = token.charAt(2) - '0';
      Algorithm a = lookup(token.substring(4));
      if (n < 1 || n > 7) {
        throw new ProposalSyntaxException(
            "'" + token + "': additional key exchanges are ke1_ to ke7_", at);
      }
      if (!(a instanceof KeyExchange k)) {
        throw new ProposalSyntaxException("'" + token + "' is not a key exchange method", at);
      }
      parts.addKe.computeIfAbsent(n, x -> new ArrayList<>()).add(k);
      return;
    }
    if (esp && (token.equals("esn") || token.equals("noesn"))) {
      parts.esn.add(token.equals("esn") ? EspProposal.Esn.ESN : EspProposal.Esn.NO_ESN);
      return;
    }
    Algorithm a = lookup(token);
    if (a == null) {
      String hint =
          !esp && (token.equals("esn") || token.equals("noesn"))
              ? " (ESN belongs in ESP proposals)"
              : "";
      throw new ProposalSyntaxException("unknown algorithm '" + token + "'" + hint, at);
    }
    if (a instanceof Encryption e) {
      parts.encr.add(e);
    } else if (a instanceof Integrity i) {
      parts.integ.add(i);
    } else if (a instanceof Prf p) {
      if (parts.prfAt < 0) {
        parts.prfAt = at;
      }
      parts.prf.add(p);
    } else {
      parts.ke.add((KeyExchange) a);
    }
  }
}
