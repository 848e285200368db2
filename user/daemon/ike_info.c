// SPDX-License-Identifier: GPL-2.0-only
/*
 * INFORMATIONAL requests of an established IKE SA (RFC 7296 §1.4):
 * an empty one is a liveness check and gets an empty answer; a Delete of
 * the IKE SA ends it with its session; a Delete of the CHILD_SA is
 * answered with the Delete of our inbound SA and ends the session (a
 * FlexVPN session is its interface and CHILD_SA).  CREATE_CHILD_SA is
 * refused with NO_ADDITIONAL_SAS: rekeying comes with the lifecycle work.
 */
#include <arpa/inet.h>
#include <string.h>

#include "ike.h"
#include "log.h"
#include "session.h"

static bool info_deletes_ike(const struct ikev2_msg *req)
{
	unsigned int i;

	for (i = 0; i < req->ndelete; i++)
		if (req->del[i].proto == IKEV2_PROTO_IKE)
			return true;
	return false;
}

/* whether a Delete names the outbound SA of the session */
static bool info_deletes_child(const struct ikev2_msg *req,
			       const struct session *s)
{
	const struct ikev2_delete *d;
	unsigned int i, j;
	uint32_t spi;

	for (i = 0; i < req->ndelete; i++) {
		d = &req->del[i];
		if (d->proto != IKEV2_PROTO_ESP ||
		    d->spi_size != IKEV2_CHILD_SPI_SIZE)
			continue;
		for (j = 0; j < d->nspi; j++) {
			memcpy(&spi, d->spis.data + 4 * j, 4);
			if (ntohl(spi) == s->child.spi_out)
				return true;
		}
	}
	return false;
}

/**
 * ike_info_request - answer an INFORMATIONAL or CREATE_CHILD_SA request
 * @sa: the established IKE SA
 * @req: the request, parsed with its inner payloads
 */
void ike_info_request(struct ike_sa *sa, struct ikev2_msg *req)
{
	struct ike_msg msg, *m = &msg;
	struct session *s = sa->session;
	bool end_ike = false;
	uint32_t spi;

	ike_msg_response(m, sa, &req->hdr);
	if (req->hdr.exchange == IKEV2_EXCH_CREATE_CHILD_SA) {
		ikev2_put_notify(&m->w, 0, NULL, 0, IKEV2_N_NO_ADDITIONAL_SAS,
				 NULL, 0);
	} else if (info_deletes_ike(req)) {
		end_ike = true;
	} else if (s && info_deletes_child(req, s)) {
		spi = htonl(s->child.spi_in);
		ikev2_put_delete(&m->w, IKEV2_PROTO_ESP, IKEV2_CHILD_SPI_SIZE,
				 1, (const uint8_t *)&spi);
		log_info("IKE SA %u: CHILD_SA deleted by the peer", sa->id);
		session_free(s);
	}
	sa->next_msgid++;
	ike_msg_send(m);
	if (end_ike)
		ike_sa_free(sa, "deleted by the peer");
}
