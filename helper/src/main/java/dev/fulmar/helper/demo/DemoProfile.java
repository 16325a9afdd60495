package dev.fulmar.helper.demo;

import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.model.Subnet;
import dev.fulmar.profiles.model.Trust;
import java.util.List;
import java.util.UUID;

/**
 * The profile the user imports for the demo: the gateway by its address, the demo CA inside the
 * profile (no file the helper would refuse), EAP-MSCHAPv2 as {@code demo}, and a split tunnel to
 * the LAN behind the gateway, so nothing else of the user's traffic or DNS changes. Its id is
 * fixed: importing the demo again replaces the earlier copy instead of adding another.
 */
final class DemoProfile {
  static final UUID ID = UUID.fromString("93ca9d71-8f23-4505-9c4c-c48d60ad2543");
  static final String NAME = "Fulmar demo";
  static final String USER = "demo";

  private DemoProfile() {}

  static Profile of(String caCertPem) {
    return Profile.builder()
        .id(ID)
        .name(NAME)
        .gateway(DemoNetwork.GATEWAY_IP)
        .trust(new Trust(List.of(new CaCertificate.Pem(caCertPem)), List.of(), false))
        .auth(new Authentication.PasswordEap(Authentication.EapMethod.MSCHAPV2, USER))
        .routing(new Routing(Routing.Mode.SPLIT, List.of(Subnet.of(DemoNetwork.LAN_SUBNET)),
            List.of()))
        .build();
  }

  /** The {@code .vpn} text. */
  static String json(String caCertPem) {
    return ProfileCodec.write(of(caCertPem));
  }
}
