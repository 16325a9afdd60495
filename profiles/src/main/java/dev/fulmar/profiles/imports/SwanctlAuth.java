package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.imports.SwanctlParser.Section;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Authentication.EapMethod;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Identity;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Trust;
import dev.fulmar.profiles.validate.Problem;
import java.util.ArrayList;
import java.util.List;

/** The {@code local*} and {@code remote*} rounds of a swanctl connection. */
final class SwanctlAuth {
  private static final String X509CA = "/etc/swanctl/x509ca/";
  private final Section conn;
  private final ReportBuilder rb;
  private final List<Problem> problems;

  SwanctlAuth(Section conn, ReportBuilder rb, List<Problem> problems) {
    this.conn = conn;
    this.rb = rb;
    this.problems = problems;
  }

  void apply(Profile.Builder b) {
    List<Section> local = new ArrayList<>();
    List<Section> remote = new ArrayList<>();
    for (Section s : conn.sections.values()) {
      if (s.name.startsWith("local")) {
        local.add(s);
      } else if (s.name.startsWith("remote")) {
        remote.add(s);
      } else if (!s.name.equals("children")) {
        rb.dropped(s.name, "not a swanctl connection section Fulmar knows");
      }
    }
    b.auth(local(local, b));
    remote(remote, b);
  }

  /** What the local rounds ask for, gathered before choosing the authentication. */
  private static final class Rounds {
    EapMethod eap;
    boolean pubkey;
    boolean psk;
    boolean tls;
    String user;
    Identity localId;
  }

  private Authentication local(List<Section> rounds, Profile.Builder b) {
    Rounds seen = new Rounds();
    for (Section r : rounds) {
      readRound(r, seen, b);
      dropRoundExtras(r);
    }
    if (seen.eap != null && seen.user == null && seen.localId != null) {
      seen.user = seen.localId.value();
    }
    Authentication.PasswordEap eap =
        seen.eap == null ? null : new Authentication.PasswordEap(seen.eap, seen.user);
    if (seen.pubkey) {
      return eap != null
          ? new Authentication.CertificateThenEap(null, eap)
          : new Authentication.Certificate(null);
    }
    if (seen.tls) {
      return new Authentication.EapTls(null, seen.user);
    }
    if (eap != null) {
      return eap;
    }
    if (!seen.psk) {
      problems.add(
          Problem.error("auth", "the connection has no local authentication round Fulmar can use"));
    }
    return new Authentication.Psk();
  }

  private void readRound(Section r, Rounds seen, Profile.Builder b) {
    String auth = String.valueOf(r.value("auth"));
    if (r.value("id") != null && seen.localId == null) {
      seen.localId = Identity.parse(r.value("id"));
      b.localId(seen.localId);
      rb.mapped(r.name + ".id", "localId");
    }
    if (r.value("eap_id") != null) {
      seen.user = r.value("eap_id");
      rb.mapped(r.name + ".eap_id", "auth.username");
    }
    EapMethod m = EapMethod.byKeyword(auth.equals("eap") ? "eap-mschapv2" : auth);
    if (auth.equals("pubkey")
        || auth.startsWith("pubkey-")
        || auth.startsWith("rsa")
        || auth.startsWith("ecdsa")) {
      seen.pubkey = true;
    } else if (auth.equals("psk")) {
      seen.psk = true;
    } else if (m == EapMethod.TLS) {
      seen.tls = true;
    } else if (m != null) {
      seen.eap = m;
    } else {
      rb.dropped(
          r.name + ".auth " + auth,
          auth.startsWith("xauth") ? "XAuth is IKEv1 only" : "not supported by Fulmar");
    }
    rb.mapped(r.name + ".auth " + auth, "auth");
  }

  private void dropRoundExtras(Section r) {
    if (r.value("certs") != null) {
      rb.dropped(
          r.name + ".certs " + r.value("certs"),
          "Fulmar needs the certificate and its key as one PKCS#12 file");
    }
    for (Section s : r.sections.values()) {
      rb.dropped(r.name + "." + s.name, "smartcard/PKCS#11 certificates are not supported");
    }
  }

  private void remote(List<Section> rounds, Profile.Builder b) {
    List<CaCertificate> cas = new ArrayList<>();
    for (Section r : rounds) {
      if (r.value("id") != null && b.build().remoteId() == null && !r.value("id").equals("%any")) {
        b.remoteId(Identity.parse(r.value("id")));
        rb.mapped(r.name + ".id", "remoteId");
      }
      for (String ca : Conversions.splitList(String.valueOf(r.value("cacerts")))) {
        if (!ca.equals("null")) {
          cas.add(new CaCertificate.FileRef(ca.startsWith("/") ? ca : X509CA + ca));
          rb.mapped(
              r.name + ".cacerts " + ca,
              "trust.caCertificates (file " + (ca.startsWith("/") ? ca : X509CA + ca) + ")");
        }
      }
      String auth = String.valueOf(r.value("auth"));
      if (auth.equals("psk")) {
        rb.note("the gateway authenticates with the pre-shared key too (remote auth = psk)");
      }
      for (String key : r.values.keySet()) {
        if (!List.of("id", "cacerts", "auth").contains(key)) {
          rb.dropped(r.name + "." + key, "not used by Fulmar");
        }
      }
    }
    if (!cas.isEmpty()) {
      b.trust(new Trust(cas, List.of(), false));
    }
  }
}
