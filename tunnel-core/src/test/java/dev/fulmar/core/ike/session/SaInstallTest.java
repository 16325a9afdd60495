package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.esp.SaTable;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.ProtocolId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine hands each negotiated CHILD SA to the data path and takes it back when it goes. */
class SaInstallTest {
  private final ExchangeHarness h = new ExchangeHarness();
  private final SaTable table = new SaTable();

  @Test
  void installsTheChildSaWhenItIsUpAndRemovesItOnClose() {
    h.params.saInstaller(table);
    h.connect();
    h.runAll();
    ChildSaInfo child = h.info().child();

    // <-- IKE_AUTH { AUTH, CP, SAr2, TSi, TSr }: both directions are in the data path
    assertThat(table.installed()).hasSize(2);
    assertThat(table.inbound((int) child.inboundSpi())).isNotNull();
    assertThat(table.outboundOf(child.inboundSpi())).isNotNull();

    // INFORMATIONAL { D(IKE) } -->  <-- { }
    h.session.close();
    h.runAll();
    assertThat(table.installed()).isEmpty();
  }

  @Test
  void removesAChildSaTheGatewayDeletes() {
    h.params.saInstaller(table);
    h.connect();
    h.runAll();
    ChildSaInfo child = h.info().child();

    // <-- INFORMATIONAL { D(ESP, gateway's SPI) }
    h.responder.sendInformational(List.of(DeletePayload.childSas(ProtocolId.ESP,
        (int) child.outboundSpi())));
    h.toClient();

    assertThat(table.installed()).isEmpty();
  }

  @Test
  void diagnoseInstallsNothing() {
    h.connect();
    h.runAll();

    assertThat(h.info().child()).isNotNull();
    assertThat(table.installed()).isEmpty();
  }
}
