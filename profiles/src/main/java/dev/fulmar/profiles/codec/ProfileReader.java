package dev.fulmar.profiles.codec;

import dev.fulmar.profiles.model.Bytes;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.EspProposal;
import dev.fulmar.profiles.model.Gateway;
import dev.fulmar.profiles.model.Identity;
import dev.fulmar.profiles.model.IkeProposal;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.ProposalSyntaxException;
import dev.fulmar.profiles.model.Proposals;
import dev.fulmar.profiles.model.Trust;
import dev.fulmar.profiles.secrets.SecretBundle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Maps the JSON tree of a version-1 {@code .vpn} file to a {@link Profile}, collecting problems.
 */
final class ProfileReader {
  static final String FORMAT = "fulmar-profile";
  static final int VERSION = 1;

  private final Collector out;
  private final SecretBundle secrets;

  ProfileReader(Collector out, SecretBundle secrets) {
    this.out = out;
    this.secrets = secrets;
  }

  /**
   * The profile as far as it could be read (placeholders where a field was unusable, so that the
   * validator can still look at the rest), or null when the document is not a version-1 profile.
   */
  Profile read(JsonTree root, String text) {
    if (!(root instanceof JsonTree.Obj obj)) {
      out.error("", root.location(), "a Fulmar profile is a JSON object, not " + root.kind());
      return null;
    }
    ObjReader r = new ObjReader(obj, "", out);
    if (!header(r)) {
      return null;
    }
    Profile.Builder b = Profile.builder();
    String id = r.string("id");
    b.id(id == null ? UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)) : uuid(r, id));
    String name = r.string("name");
    if (name == null && r.isAbsent("name")) {
      r.missing("name", "the name shown to the user");
    }
    b.name(name == null ? "" : name);
    b.gateways(gateways(r));
    b.localId(identity(r, "localId"));
    b.remoteId(identity(r, "remoteId"));
    b.trust(trust(r.object("trust")));
    b.proposals(proposals(r.object("proposals")));
    new SectionReader(out, secrets).readSections(r, b);
    r.finish();
    b.unknownFields(List.copyOf(out.unknown));
    return b.build();
  }

  private boolean header(ObjReader r) {
    String format = r.string("format");
    if (!FORMAT.equals(format)) {
      String found = format == null ? "no \"format\" field" : "\"format\": \"" + format + "\"";
      out.error(
          "format",
          r.obj.location(),
          "this is not a Fulmar profile (" + found + "; expected \"format\": \"" + FORMAT + "\")");
      return false;
    }
    Long version = r.integer("version", 1, Integer.MAX_VALUE);
    if (version == null) {
      if (r.isAbsent("version")) {
        r.missing("version", "the format version (" + VERSION + ")");
      }
      return false;
    }
    if (version > VERSION) {
      out.error(
          "version",
          out.locate("version"),
          "this profile uses format version "
              + version
              + ", written by a newer Fulmar; this version reads version "
              + VERSION
              + ": update Fulmar");
      return false;
    }
    return true;
  }

  private UUID uuid(ObjReader r, String text) {
    try {
      UUID u = UUID.fromString(text);
      if (u.toString().equalsIgnoreCase(text)) {
        return u;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    out.error("id", out.locate("id"), "'" + text + "' is not a UUID");
    return UUID.randomUUID();
  }

  private List<Gateway> gateways(ObjReader r) {
    List<Gateway> list = new ArrayList<>();
    ObjReader primary = r.object("gateway");
    if (primary == null) {
      if (r.isAbsent("gateway")) {
        r.missing("gateway", "the VPN server to connect to, e.g. {\"host\": \"vpn.example.net\"}");
      }
    } else {
      list.add(gateway(primary));
    }
    List<JsonTree> more = r.array("fallbackGateways");
    for (int i = 0; more != null && i < more.size(); i++) {
      String path = r.child("fallbackGateways") + "[" + i + "]";
      if (more.get(i) instanceof JsonTree.Obj o) {
        list.add(gateway(new ObjReader(o, path, out)));
      } else {
        out.error(
            path,
            more.get(i).location(),
            "must be an object with a host, not " + more.get(i).kind());
      }
    }
    return list;
  }

  private Gateway gateway(ObjReader g) {
    String host = g.string("host");
    if (host == null && g.isAbsent("host")) {
      g.missing("host", "the gateway's DNS name or IP address");
    }
    Long port = g.integer("port", 1, 65535);
    g.finish();
    return new Gateway(
        host == null ? "" : host, port == null ? Gateway.DEFAULT_PORT : port.intValue());
  }

  private static Identity identity(ObjReader r, String name) {
    String text = r.string(name);
    return text == null ? null : Identity.parse(text);
  }

  private Trust trust(ObjReader t) {
    if (t == null) {
      return Trust.SYSTEM;
    }
    List<CaCertificate> cas = new ArrayList<>();
    List<JsonTree> items = t.array("caCertificates");
    for (int i = 0; items != null && i < items.size(); i++) {
      String path = t.child("caCertificates") + "[" + i + "]";
      if (items.get(i) instanceof JsonTree.Obj o) {
        ObjReader c = new ObjReader(o, path, out);
        String pem = c.string("pem");
        String file = c.string("path");
        if ((pem == null) == (file == null)) {
          out.error(
              path,
              o.location(),
              "give either \"pem\" (the certificate text) or \"path\" (a file), not both or"
                  + " neither");
        } else {
          cas.add(pem != null ? new CaCertificate.Pem(pem) : new CaCertificate.FileRef(file));
        }
        c.finish();
      } else {
        out.error(path, items.get(i).location(), "must be an object with \"pem\" or \"path\"");
      }
    }
    List<Bytes> pins = new ArrayList<>();
    List<String> pinText = t.strings("serverCertSha256");
    for (int i = 0; i < pinText.size(); i++) {
      String hex = pinText.get(i).replace(":", "").strip();
      String path = t.child("serverCertSha256") + "[" + i + "]";
      if (hex.length() != 64
          || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0 && ch < 128)) {
        out.error(
            path,
            out.locate(path),
            "'"
                + pinText.get(i)
                + "' is not a SHA-256 fingerprint (64 hex digits, colons allowed)");
      } else {
        pins.add(Bytes.of(HexFormat.of().parseHex(hex)));
      }
    }
    Boolean system = t.bool("systemTrustStore");
    t.finish();
    return new Trust(cas, pins, system == null ? cas.isEmpty() : system);
  }

  private Proposals proposals(ObjReader p) {
    if (p == null) {
      return Proposals.DEFAULTS;
    }
    List<IkeProposal> ike = new ArrayList<>();
    List<String> ikeText = p.strings("ike");
    for (int i = 0; i < ikeText.size(); i++) {
      try {
        ike.add(IkeProposal.parse(ikeText.get(i)));
      } catch (ProposalSyntaxException e) {
        proposalError(p.child("ike") + "[" + i + "]", ikeText.get(i), e);
      }
    }
    List<EspProposal> esp = new ArrayList<>();
    List<String> espText = p.strings("esp");
    for (int i = 0; i < espText.size(); i++) {
      try {
        esp.add(EspProposal.parse(espText.get(i)));
      } catch (ProposalSyntaxException e) {
        proposalError(p.child("esp") + "[" + i + "]", espText.get(i), e);
      }
    }
    p.finish();
    return new Proposals(ike, esp);
  }

  private void proposalError(String path, String text, ProposalSyntaxException e) {
    out.error(
        path,
        out.locate(path),
        e.getMessage() + " in '" + text + "' (character " + (e.offset() + 1) + ")");
  }
}
