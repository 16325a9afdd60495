package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.model.Algorithm;
import dev.fulmar.profiles.model.EspProposal;
import dev.fulmar.profiles.model.IkeProposal;
import dev.fulmar.profiles.model.ProposalSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Helpers shared by the importers: proposals with weak ones dropped, PEM, stable ids. */
final class Conversions {
  private Conversions() {}

  /** A stable id for a file without one, so importing the same file twice updates one profile. */
  static UUID idFor(byte[] data) {
    return UUID.nameUUIDFromBytes(data);
  }

  static String pem(byte[] der) {
    String b64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
  }

  /**
   * Parses IKE proposals; a proposal that does not parse or names a refused algorithm is dropped.
   */
  static List<IkeProposal> ike(List<String> texts, String source, ReportBuilder rb) {
    List<IkeProposal> out = new ArrayList<>();
    for (String t : texts) {
      try {
        IkeProposal p = IkeProposal.parse(t.strip());
        if (acceptable(p.algorithms(), source, t, rb)) {
          out.add(p);
          rb.mapped(source + " '" + t.strip() + "'", "proposals.ike: " + p);
        }
      } catch (ProposalSyntaxException e) {
        rb.dropped(source + " '" + t.strip() + "'", e.getMessage());
      }
    }
    if (out.isEmpty() && !texts.isEmpty()) {
      rb.note(
          "no IKE proposal from the file could be used: Fulmar's default proposals are offered");
    }
    return out;
  }

  /** Parses ESP proposals; as {@link #ike}. */
  static List<EspProposal> esp(List<String> texts, String source, ReportBuilder rb) {
    List<EspProposal> out = new ArrayList<>();
    for (String t : texts) {
      try {
        EspProposal p = EspProposal.parse(t.strip());
        if (acceptable(p.algorithms(), source, t, rb)) {
          out.add(p);
          rb.mapped(source + " '" + t.strip() + "'", "proposals.esp: " + p);
        }
      } catch (ProposalSyntaxException e) {
        rb.dropped(source + " '" + t.strip() + "'", e.getMessage());
      }
    }
    if (out.isEmpty() && !texts.isEmpty()) {
      rb.note(
          "no ESP proposal from the file could be used: Fulmar's default proposals are offered");
    }
    return out;
  }

  private static boolean acceptable(
      List<Algorithm> algorithms, String source, String text, ReportBuilder rb) {
    List<String> refused = new ArrayList<>();
    for (Algorithm a : algorithms) {
      if (a.status() == Algorithm.Status.WEAK) {
        refused.add(a.keyword() + " (" + a.ianaName() + ") is too weak");
      } else if (a.status() == Algorithm.Status.UNSUPPORTED) {
        refused.add(a.keyword() + " (" + a.ianaName() + ") is not supported");
      }
    }
    if (!refused.isEmpty()) {
      rb.dropped(
          source + " '" + text.strip() + "'",
          String.join("; ", refused)
              + ": Fulmar refuses it (RFC 8221/8247); if the gateway accepts nothing else, it needs"
              + " a modern configuration");
    }
    return refused.isEmpty();
  }

  /** Jackson's parse error in plain words, without its source-location suffix. */
  static String jsonMessage(com.fasterxml.jackson.core.JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage()).split("\n")[0];
    int cut = m.indexOf(" (start marker");
    return "not valid JSON: " + (cut > 0 ? m.substring(0, cut) : m);
  }

  /** Splits a list given as a JSON-style array text or separated by commas/spaces. */
  static List<String> splitList(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split("[,;\\s]+")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }
}
