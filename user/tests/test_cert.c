// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/cert.c: trustpoint and certificate loading,
 * chain validation with and without CRLs, identities backed by the
 * certificate, the AUTH signatures of methods 1, 9-11 and 14 (RFC 7296
 * §3.8, RFC 4754, RFC 7427) both ways with the openssl CLI, CERTREQ, and
 * malformed input from a peer.
 *
 * The PKI is made once per run by data/cert/gen.sh in a mkdtemp()
 * directory (removed at exit); each test's fixture loads from it.
 */
#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include <openssl/ecdsa.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "kselftest_harness.h"
#include "../lib/cert.h"
#include "../lib/ikev2.h"

#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

static char pki[64];
static pid_t pki_pid;
static bool pki_ok;

__attribute__((constructor)) static void pki_make(void)
{
	char cmd[512];

	snprintf(pki, sizeof(pki), "/tmp/test_cert.XXXXXX");
	if (!mkdtemp(pki))
		return;
	pki_pid = getpid();
	snprintf(cmd, sizeof(cmd), "sh %s/cert/gen.sh %s >/dev/null",
		 TEST_DATA, pki);
	pki_ok = system(cmd) == 0;
}

static int rm_one(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	return remove(path);
}

__attribute__((destructor)) static void pki_remove(void)
{
	if (pki_pid && getpid() == pki_pid)
		nftw(pki, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* DIR/name, in one of a few rotating buffers */
static const char *P(const char *name)
{
	static char buf[8][512];
	static unsigned int i;
	char *p = buf[i++ % ARRAY_LEN(buf)];

	snprintf(p, sizeof(buf[0]), "%s/%s", pki, name);
	return p;
}

/* a shell command, its standard output discarded (not to upset TAP) */
static int run(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;
	int n;

	n = snprintf(cmd, sizeof(cmd), "(");
	va_start(ap, fmt);
	n += vsnprintf(cmd + n, sizeof(cmd) - n, fmt, ap);
	va_end(ap);
	snprintf(cmd + n, sizeof(cmd) - n, ") >/dev/null");
	return system(cmd);
}

/*
 * the openssl CLI signs DIR/octets.bin with DIR/@key into DIR/@sig:
 * RSASSA-PSS with MGF1-@md and a salt of @salt bytes unless @salt is -1
 */
static int cli_sign(const char *md, const char *key, int salt,
		    const char *sig)
{
	char pss[128] = "";

	if (salt >= 0)
		snprintf(pss, sizeof(pss), "-sigopt %s -sigopt %s%s %s%d",
			 "rsa_padding_mode:pss", "rsa_mgf1_md:", md,
			 "-sigopt rsa_pss_saltlen:", salt);
	return run("openssl dgst -%s -sign %s %s -out %s %s", md, P(key),
		   pss, P(sig), P("octets.bin"));
}

static size_t file_read(const char *path, uint8_t *buf, size_t room)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return 0;
	n = fread(buf, 1, room, f);
	fclose(f);
	return n;
}

static void file_write(const char *path, const void *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f) {
		fwrite(buf, 1, len, f);
		fclose(f);
	}
}

/* the certificates of a PEM file as DER, as CERT payloads carry them */
struct ders {
	unsigned int n;
	uint8_t *der[CERT_PEER_MAX + 2];
	size_t len[CERT_PEER_MAX + 2];
};

static void ders_free(struct ders *d)
{
	unsigned int i;

	for (i = 0; i < d->n; i++)
		OPENSSL_free(d->der[i]);
	d->n = 0;
}

static unsigned int ders_load(struct ders *d, const char *file)
{
	FILE *f = fopen(P(file), "r");
	X509 *x;
	int n;

	d->n = 0;
	if (!f)
		return 0;
	while (d->n < ARRAY_LEN(d->der) &&
	       (x = PEM_read_X509(f, NULL, NULL, NULL))) {
		d->der[d->n] = NULL;
		n = i2d_X509(x, &d->der[d->n]);
		X509_free(x);
		if (n <= 0)
			break;
		d->len[d->n++] = n;
	}
	fclose(f);
	return d->n;
}

static struct cert_peer *peer_load(const char *file)
{
	struct cert_peer *peer;
	struct ders d;
	char err[256];

	if (!ders_load(&d, file))
		return NULL;
	peer = cert_peer_new((const uint8_t *const *)d.der, d.len, d.n, err,
			     sizeof(err));
	ders_free(&d);
	return peer;
}

/* the signed octets: three pieces, as keymat_signed_octets() gives */
struct octets {
	uint8_t msg[300], nonce[32], id[48];
	struct keymat_signed ks;
};

static void octets_init(struct octets *o)
{
	size_t i;

	for (i = 0; i < sizeof(o->msg); i++)
		o->msg[i] = i * 7 + 1;
	for (i = 0; i < sizeof(o->nonce); i++)
		o->nonce[i] = i * 13 + 5;
	for (i = 0; i < sizeof(o->id); i++)
		o->id[i] = i * 29 + 3;
	o->ks.iov[0] = crypto_iov(o->msg, sizeof(o->msg));
	o->ks.iov[1] = crypto_iov(o->nonce, sizeof(o->nonce));
	o->ks.iov[2] = crypto_iov(o->id, sizeof(o->id));
}

/* the octets as one file, for the openssl CLI */
static void octets_file(const struct octets *o, const char *path)
{
	uint8_t all[sizeof(o->msg) + sizeof(o->nonce) + sizeof(o->id)];

	memcpy(all, o->msg, sizeof(o->msg));
	memcpy(all + sizeof(o->msg), o->nonce, sizeof(o->nonce));
	memcpy(all + sizeof(o->msg) + sizeof(o->nonce), o->id,
	       sizeof(o->id));
	file_write(path, all, sizeof(all));
}

/* the end entities of the fixture, each as ours and as a peer's */
enum { K_RSA, K_EC, K_P384, K_P521, K_NUM };

static const char *const key_names[K_NUM] = {
	"client-rsa", "client-ec", "client-p384", "client-p521",
};

FIXTURE(pki) {
	struct cert_store *root;	/* root-ca.pem, no CRL */
	struct cert_store *crl;		/* ca.pem, crl.pem, check_crl */
	struct cert_local *l[K_NUM];
	struct cert_peer *p[K_NUM];
	struct octets o;
	char err[256];
};

FIXTURE_SETUP(pki)
{
	char chain[64], key[64];
	int i;

	ASSERT_TRUE(pki_ok) TH_LOG("gen.sh failed: is openssl installed?");
	self->root = cert_store_load(P("root-ca.pem"), NULL, false,
				     self->err, sizeof(self->err));
	ASSERT_NE(NULL, self->root) TH_LOG("%s", self->err);
	self->crl = cert_store_load(P("ca.pem"), P("crl.pem"), true,
				    self->err, sizeof(self->err));
	ASSERT_NE(NULL, self->crl) TH_LOG("%s", self->err);
	for (i = 0; i < K_NUM; i++) {
		snprintf(chain, sizeof(chain), "%s-chain.pem", key_names[i]);
		snprintf(key, sizeof(key), "%s.key", key_names[i]);
		self->l[i] = cert_local_load(P(chain), P(key), self->err,
					     sizeof(self->err));
		ASSERT_NE(NULL, self->l[i]) TH_LOG("%s", self->err);
		self->p[i] = peer_load(chain);
		ASSERT_NE(NULL, self->p[i]);
	}
	octets_init(&self->o);
}

FIXTURE_TEARDOWN(pki)
{
	int i;

	cert_store_free(self->root);
	cert_store_free(self->crl);
	for (i = 0; i < K_NUM; i++) {
		cert_local_free(self->l[i]);
		cert_peer_free(self->p[i]);
	}
}

TEST_F(pki, store_load_errors)
{
	static const char garbage[] = "hello, this is no certificate\n";
	static const char bad_pem[] = "-----BEGIN CERTIFICATE-----\n"
		"MIIB!!!notbase64\n-----END CERTIFICATE-----\n";
	struct cert_store *s;

	s = cert_store_load(P("missing.pem"), NULL, false, self->err,
			    sizeof(self->err));
	EXPECT_EQ(NULL, s);
	EXPECT_NE(NULL, strstr(self->err, "No such file")) {
		TH_LOG("%s", self->err);
	}
	file_write(P("garbage.pem"), garbage, sizeof(garbage) - 1);
	s = cert_store_load(P("garbage.pem"), NULL, false, self->err,
			    sizeof(self->err));
	EXPECT_EQ(NULL, s);
	EXPECT_NE(NULL, strstr(self->err, "no certificate")) {
		TH_LOG("%s", self->err);
	}
	file_write(P("bad.pem"), bad_pem, sizeof(bad_pem) - 1);
	s = cert_store_load(P("bad.pem"), NULL, false, self->err,
			    sizeof(self->err));
	EXPECT_EQ(NULL, s);
	EXPECT_NE(NULL, strstr(self->err, "malformed")) {
		TH_LOG("%s", self->err);
	}
	/* an end entity is no trust anchor */
	s = cert_store_load(P("client-rsa-chain.pem"), NULL, false,
			    self->err, sizeof(self->err));
	EXPECT_EQ(NULL, s);
	EXPECT_NE(NULL, strstr(self->err, "is not a CA")) {
		TH_LOG("%s", self->err);
	}
	/* a bad CRL file */
	s = cert_store_load(P("ca.pem"), P("garbage.pem"), true, self->err,
			    sizeof(self->err));
	EXPECT_EQ(NULL, s);
	EXPECT_NE(NULL, strstr(self->err, "no CRL"));
	s = cert_store_load(P("ca.pem"), P("missing.crl"), true, self->err,
			    sizeof(self->err));
	EXPECT_EQ(NULL, s);
	s = cert_store_load(NULL, NULL, false, self->err, sizeof(self->err));
	EXPECT_EQ(NULL, s);
	s = cert_store_load(P("missing.pem"), NULL, false, NULL, 0);
	EXPECT_EQ(NULL, s);
	/* a DER CRL, and a DER CA certificate */
	ASSERT_EQ(0, run("openssl x509 -in %s -outform DER -out %s",
			 P("root-ca.pem"), P("root-ca.der")));
	s = cert_store_load(P("root-ca.der"), P("crl-sub.der"), true,
			    self->err, sizeof(self->err));
	EXPECT_NE(NULL, s) TH_LOG("%s", self->err);
	cert_store_free(s);
}

TEST_F(pki, local_load)
{
	struct cert_local *l;
	const uint8_t *der;
	struct ders d;
	size_t len;

	EXPECT_EQ(2, cert_local_count(self->l[K_RSA]));
	ASSERT_EQ(2, ders_load(&d, "client-rsa-chain.pem"));
	ASSERT_EQ(0, cert_local_der(self->l[K_RSA], 0, &der, &len));
	EXPECT_EQ(d.len[0], len);
	EXPECT_EQ(0, memcmp(d.der[0], der, len));
	ASSERT_EQ(0, cert_local_der(self->l[K_RSA], 1, &der, &len));
	EXPECT_EQ(d.len[1], len);
	EXPECT_EQ(0, memcmp(d.der[1], der, len));
	EXPECT_EQ(-ENOENT, cert_local_der(self->l[K_RSA], 2, &der, &len));
	ders_free(&d);

	EXPECT_EQ(CERT_KEY_RSA, cert_local_key_type(self->l[K_RSA]));
	EXPECT_EQ(CERT_KEY_EC_P256, cert_local_key_type(self->l[K_EC]));
	EXPECT_EQ(CERT_KEY_EC_P384, cert_local_key_type(self->l[K_P384]));
	EXPECT_EQ(CERT_KEY_EC_P521, cert_local_key_type(self->l[K_P521]));
	EXPECT_EQ(IKEV2_AUTH_RSA_SIG, cert_local_method(self->l[K_RSA]));
	EXPECT_EQ(IKEV2_AUTH_ECDSA_256, cert_local_method(self->l[K_EC]));
	EXPECT_EQ(IKEV2_AUTH_ECDSA_384, cert_local_method(self->l[K_P384]));
	EXPECT_EQ(IKEV2_AUTH_ECDSA_521, cert_local_method(self->l[K_P521]));

	/* the subject, as an ID_DER_ASN1_DN identity, is the certificate's */
	ASSERT_EQ(0, cert_local_subject(self->l[K_RSA], &der, &len));
	EXPECT_TRUE(cert_peer_id_match(self->p[K_RSA], IKEV2_ID_DER_ASN1_DN,
				       der, len));
	EXPECT_FALSE(cert_peer_id_match(self->p[K_EC], IKEV2_ID_DER_ASN1_DN,
					der, len));
	EXPECT_TRUE(cert_local_id_match(self->l[K_RSA], IKEV2_ID_FQDN,
					(const uint8_t *)"client-rsa.flexvti.test",
					23));

	/* a leaf alone, in DER */
	ASSERT_EQ(0, run("openssl x509 -in %s -outform DER -out %s",
			 P("hub.pem"), P("hub.der")));
	l = cert_local_load(P("hub.der"), P("hub.key"), self->err,
			    sizeof(self->err));
	ASSERT_NE(NULL, l) TH_LOG("%s", self->err);
	EXPECT_EQ(1, cert_local_count(l));
	cert_local_free(l);

	/* errors */
	l = cert_local_load(P("client-rsa-chain.pem"), P("client-ec.key"),
			    self->err, sizeof(self->err));
	EXPECT_EQ(NULL, l);
	EXPECT_NE(NULL, strstr(self->err, "not the certificate's")) {
		TH_LOG("%s", self->err);
	}
	l = cert_local_load(P("client-rsa-chain.pem"), P("missing.key"),
			    self->err, sizeof(self->err));
	EXPECT_EQ(NULL, l);
	l = cert_local_load(P("client-rsa-chain.pem"), P("client-rsa.pem"),
			    self->err, sizeof(self->err));
	EXPECT_EQ(NULL, l);
	EXPECT_NE(NULL, strstr(self->err, "no private key")) {
		TH_LOG("%s", self->err);
	}
	ASSERT_EQ(0, run("openssl pkey -in %s -aes256 -passout pass:x -out %s",
			 P("client-ec.key"), P("enc.key")));
	l = cert_local_load(P("client-ec-chain.pem"), P("enc.key"), self->err,
			    sizeof(self->err));
	EXPECT_EQ(NULL, l);
	EXPECT_NE(NULL, strstr(self->err, "encrypted")) {
		TH_LOG("%s", self->err);
	}
	/* a DER key */
	ASSERT_EQ(0, run("openssl pkey -in %s -outform DER -out %s",
			 P("client-ec.key"), P("ec.der")));
	l = cert_local_load(P("client-ec-chain.pem"), P("ec.der"), self->err,
			    sizeof(self->err));
	EXPECT_NE(NULL, l) TH_LOG("%s", self->err);
	cert_local_free(l);
}

TEST_F(pki, verify_chain)
{
	struct cert_peer *p;
	char why[256];

	/* the intermediate from the peer's payloads */
	EXPECT_EQ(0, cert_peer_verify(self->root, self->p[K_RSA], why,
				      sizeof(why))) TH_LOG("%s", why);
	EXPECT_EQ(0, cert_peer_verify(self->root, self->p[K_EC], why,
				      sizeof(why))) TH_LOG("%s", why);
	EXPECT_EQ(0, cert_peer_verify(self->root, self->p[K_P384], why,
				      sizeof(why))) TH_LOG("%s", why);
	EXPECT_EQ(0, cert_peer_verify(self->root, self->p[K_P521], why,
				      sizeof(why))) TH_LOG("%s", why);

	/* the leaf alone: the intermediate must come from the store */
	p = peer_load("client-ec.pem");
	ASSERT_NE(NULL, p);
	EXPECT_EQ(-EACCES, cert_peer_verify(self->root, p, why, sizeof(why)));
	EXPECT_NE(NULL, strstr(why, "unable to get local issuer")) {
		TH_LOG("%s", why);
	}
	EXPECT_EQ(0, cert_peer_verify(self->crl, p, why, sizeof(why))) {
		TH_LOG("%s", why);
	}
	cert_peer_free(p);

	/* with the CRLs */
	EXPECT_EQ(0, cert_peer_verify(self->crl, self->p[K_RSA], why,
				      sizeof(why))) TH_LOG("%s", why);
	EXPECT_EQ(0, cert_peer_verify(self->crl, self->p[K_P384], why,
				      sizeof(why))) TH_LOG("%s", why);
	EXPECT_EQ(-EINVAL, cert_peer_verify(NULL, self->p[K_RSA], why,
					    sizeof(why)));
	EXPECT_EQ(-EINVAL, cert_peer_verify(self->root, NULL, NULL, 0));
}

TEST_F(pki, verify_refused)
{
	struct cert_store *s;
	struct cert_peer *p;
	char why[256];

	/* revoked: refused with the CRLs, accepted without */
	p = peer_load("revoked-chain.pem");
	ASSERT_NE(NULL, p);
	EXPECT_EQ(-EKEYREJECTED, cert_peer_verify(self->crl, p, why,
						  sizeof(why)));
	EXPECT_NE(NULL, strstr(why, "revoked")) TH_LOG("%s", why);
	EXPECT_NE(NULL, strstr(why, "CN=revoked.flexvti.test")) {
		TH_LOG("%s", why);
	}
	EXPECT_EQ(0, cert_peer_verify(self->root, p, why, sizeof(why)));
	/* CRLs required but none loaded: the status is unknown */
	s = cert_store_load(P("ca.pem"), NULL, true, self->err,
			    sizeof(self->err));
	ASSERT_NE(NULL, s);
	EXPECT_EQ(-ENODATA, cert_peer_verify(s, p, why, sizeof(why)));
	EXPECT_EQ(-ENODATA, cert_peer_verify(s, self->p[K_EC], why,
					     sizeof(why)));
	cert_store_free(s);
	/* the sub CA's CRL alone: the root's is missing for CHECK_ALL */
	s = cert_store_load(P("ca.pem"), P("crl-sub.der"), true, self->err,
			    sizeof(self->err));
	ASSERT_NE(NULL, s);
	EXPECT_EQ(-EKEYREJECTED, cert_peer_verify(s, p, why, sizeof(why)));
	EXPECT_EQ(-ENODATA, cert_peer_verify(s, self->p[K_EC], why,
					     sizeof(why)));
	cert_store_free(s);
	cert_peer_free(p);

	/* another root */
	p = peer_load("other-chain.pem");
	ASSERT_NE(NULL, p);
	EXPECT_EQ(-EACCES, cert_peer_verify(self->root, p, why, sizeof(why)));
	EXPECT_EQ(-EACCES, cert_peer_verify(self->crl, p, why, sizeof(why)));
	TH_LOG("other CA: %s", why);
	cert_peer_free(p);

	/* expired */
	p = peer_load("expired-chain.pem");
	ASSERT_NE(NULL, p);
	EXPECT_EQ(-EKEYEXPIRED, cert_peer_verify(self->root, p, why,
						 sizeof(why)));
	EXPECT_NE(NULL, strstr(why, "expired")) TH_LOG("%s", why);
	cert_peer_free(p);

	/* a self-signed end entity: the other root itself */
	p = peer_load("other-ca.pem");
	ASSERT_NE(NULL, p);
	EXPECT_EQ(-EACCES, cert_peer_verify(self->root, p, why, sizeof(why)));
	cert_peer_free(p);
}

/* i2d of a Name built from "C", "O", "CN" */
static int dn_der(const char *c, const char *o, const char *cn,
		  uint8_t *out)
{
	X509_NAME *n = X509_NAME_new();
	uint8_t *p = out;
	int len;

	X509_NAME_add_entry_by_txt(n, "C", MBSTRING_ASC,
				   (const uint8_t *)c, -1, -1, 0);
	X509_NAME_add_entry_by_txt(n, "O", MBSTRING_ASC,
				   (const uint8_t *)o, -1, -1, 0);
	X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC,
				   (const uint8_t *)cn, -1, -1, 0);
	len = i2d_X509_NAME(n, &p);
	X509_NAME_free(n);
	return len;
}

static bool id_str(const struct cert_peer *p, uint8_t type, const char *s)
{
	return cert_peer_id_match(p, type, (const uint8_t *)s, strlen(s));
}

TEST_F(pki, id_match)
{
	const struct cert_peer *p = self->p[K_RSA];
	uint8_t dn[512], ip4[4], ip6[16];
	int len;

	/* ID_DER_ASN1_DN, compared canonically */
	len = dn_der("CH", "flexvti test", "client-rsa.flexvti.test", dn);
	ASSERT_GT(len, 0);
	EXPECT_TRUE(cert_peer_id_match(p, IKEV2_ID_DER_ASN1_DN, dn, len));
	len = dn_der("ch", "FLEXVTI  TEST", "Client-RSA.flexvti.test", dn);
	EXPECT_TRUE(cert_peer_id_match(p, IKEV2_ID_DER_ASN1_DN, dn, len));
	len = dn_der("CH", "flexvti test", "client-ec.flexvti.test", dn);
	EXPECT_FALSE(cert_peer_id_match(p, IKEV2_ID_DER_ASN1_DN, dn, len));
	EXPECT_TRUE(cert_peer_id_match(self->p[K_EC], IKEV2_ID_DER_ASN1_DN,
				       dn, len));
	EXPECT_FALSE(cert_peer_id_match(self->p[K_EC], IKEV2_ID_DER_ASN1_DN,
					dn, len - 1));
	dn[len] = 0;
	EXPECT_FALSE(cert_peer_id_match(self->p[K_EC], IKEV2_ID_DER_ASN1_DN,
					dn, len + 1));
	EXPECT_FALSE(cert_peer_id_match(self->p[K_EC], IKEV2_ID_DER_ASN1_DN,
					(const uint8_t *)"\x30\x00", 2));
	EXPECT_FALSE(cert_peer_id_match(self->p[K_EC], IKEV2_ID_DER_ASN1_DN,
					dn, 0));

	/* ID_FQDN: a dNSName, any ASCII case, nothing else */
	EXPECT_TRUE(id_str(p, IKEV2_ID_FQDN, "client-rsa.flexvti.test"));
	EXPECT_TRUE(id_str(p, IKEV2_ID_FQDN, "CLIENT-RSA.FlexVTI.test"));
	EXPECT_FALSE(id_str(p, IKEV2_ID_FQDN, "client-rsa.flexvti.tes"));
	EXPECT_FALSE(id_str(p, IKEV2_ID_FQDN, "client-rsa.flexvti.test."));
	EXPECT_FALSE(id_str(p, IKEV2_ID_FQDN, ".flexvti.test"));
	EXPECT_FALSE(id_str(p, IKEV2_ID_FQDN, "*.flexvti.test"));
	EXPECT_FALSE(id_str(p, IKEV2_ID_FQDN, "client-ec.flexvti.test"));
	EXPECT_FALSE(id_str(p, IKEV2_ID_FQDN, "rsa@flexvti.test"));
	EXPECT_FALSE(id_str(p, IKEV2_ID_FQDN, "10.99.0.20"));
	EXPECT_TRUE(id_str(self->p[K_EC], IKEV2_ID_FQDN,
			   "client-ec.flexvti.test"));

	/* ID_RFC822_ADDR */
	EXPECT_TRUE(id_str(p, IKEV2_ID_RFC822_ADDR, "rsa@flexvti.test"));
	EXPECT_TRUE(id_str(p, IKEV2_ID_RFC822_ADDR, "RSA@flexvti.TEST"));
	EXPECT_FALSE(id_str(p, IKEV2_ID_RFC822_ADDR, "ec@flexvti.test"));
	EXPECT_FALSE(id_str(p, IKEV2_ID_RFC822_ADDR,
			    "client-rsa.flexvti.test"));
	EXPECT_FALSE(id_str(self->p[K_EC], IKEV2_ID_RFC822_ADDR,
			    "rsa@flexvti.test"));

	/* ID_IPV4_ADDR, ID_IPV6_ADDR */
	inet_pton(AF_INET, "10.99.0.20", ip4);
	EXPECT_TRUE(cert_peer_id_match(p, IKEV2_ID_IPV4_ADDR, ip4, 4));
	EXPECT_FALSE(cert_peer_id_match(p, IKEV2_ID_IPV4_ADDR, ip4, 3));
	EXPECT_FALSE(cert_peer_id_match(p, IKEV2_ID_IPV6_ADDR, ip4, 4));
	EXPECT_FALSE(cert_peer_id_match(self->p[K_EC], IKEV2_ID_IPV4_ADDR,
					ip4, 4));
	inet_pton(AF_INET, "10.99.0.21", ip4);
	EXPECT_FALSE(cert_peer_id_match(p, IKEV2_ID_IPV4_ADDR, ip4, 4));
	inet_pton(AF_INET6, "fd00:99::20", ip6);
	EXPECT_TRUE(cert_peer_id_match(p, IKEV2_ID_IPV6_ADDR, ip6, 16));
	EXPECT_FALSE(cert_peer_id_match(p, IKEV2_ID_IPV4_ADDR, ip6, 16));
	ip6[15] ^= 1;
	EXPECT_FALSE(cert_peer_id_match(p, IKEV2_ID_IPV6_ADDR, ip6, 16));

	/* no other type is backed by a certificate */
	EXPECT_FALSE(id_str(p, IKEV2_ID_KEY_ID, "client-rsa.flexvti.test"));
	EXPECT_FALSE(id_str(p, IKEV2_ID_DER_ASN1_GN,
			    "client-rsa.flexvti.test"));
	EXPECT_FALSE(id_str(NULL, IKEV2_ID_FQDN, "client-rsa.flexvti.test"));
	EXPECT_FALSE(cert_peer_id_match(p, IKEV2_ID_FQDN, NULL, 3));
}

TEST_F(pki, peer_info)
{
	char buf[256];

	EXPECT_EQ(CERT_KEY_RSA, cert_peer_key_type(self->p[K_RSA]));
	EXPECT_EQ(CERT_KEY_EC_P256, cert_peer_key_type(self->p[K_EC]));
	EXPECT_EQ(CERT_KEY_EC_P384, cert_peer_key_type(self->p[K_P384]));
	EXPECT_EQ(CERT_KEY_EC_P521, cert_peer_key_type(self->p[K_P521]));
	EXPECT_STREQ("C=CH, O=flexvti test, CN=client-rsa.flexvti.test",
		     cert_peer_subject(self->p[K_RSA], buf, sizeof(buf)));
	EXPECT_STREQ("C=CH, O=f",
		     cert_peer_subject(self->p[K_RSA], buf, 10));
}

struct sign_case {
	int key;
	uint8_t method;
	uint16_t hash;
};

static const struct sign_case sign_cases[] = {
	{ K_RSA, IKEV2_AUTH_RSA_SIG, 0 },
	{ K_RSA, IKEV2_AUTH_DIGITAL_SIGNATURE, 0 },
	{ K_RSA, IKEV2_AUTH_DIGITAL_SIGNATURE, CERT_HASH_SHA2_256 },
	{ K_RSA, IKEV2_AUTH_DIGITAL_SIGNATURE, CERT_HASH_SHA2_384 },
	{ K_RSA, IKEV2_AUTH_DIGITAL_SIGNATURE, CERT_HASH_SHA2_512 },
	{ K_EC, IKEV2_AUTH_ECDSA_256, 0 },
	{ K_EC, IKEV2_AUTH_DIGITAL_SIGNATURE, 0 },
	{ K_EC, IKEV2_AUTH_DIGITAL_SIGNATURE, CERT_HASH_SHA2_384 },
	{ K_EC, IKEV2_AUTH_DIGITAL_SIGNATURE, CERT_HASH_SHA2_512 },
	{ K_P384, IKEV2_AUTH_ECDSA_384, 0 },
	{ K_P384, IKEV2_AUTH_DIGITAL_SIGNATURE, 0 },
	{ K_P384, IKEV2_AUTH_DIGITAL_SIGNATURE, CERT_HASH_SHA2_256 },
	{ K_P521, IKEV2_AUTH_ECDSA_521, 0 },
	{ K_P521, IKEV2_AUTH_DIGITAL_SIGNATURE, 0 },
};

/* the expected DER AlgorithmIdentifiers of RFC 7427 Appendix A */
static const uint8_t alg_sha256_rsa[] = {
	0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01,
	0x01, 0x0b, 0x05, 0x00,
};

static const uint8_t alg_ecdsa_sha256[] = {
	0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03,
	0x02,
};

static const uint8_t alg_ecdsa_sha384[] = {
	0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03,
	0x03,
};

TEST_F(pki, sign_verify_round_trip)
{
	uint8_t auth[CERT_AUTH_MAX];
	struct cert_local *l;
	struct cert_peer *p;
	size_t i, len;

	for (i = 0; i < ARRAY_LEN(sign_cases); i++) {
		const struct sign_case *c = &sign_cases[i];

		l = self->l[c->key];
		p = self->p[c->key];
		len = sizeof(auth);
		ASSERT_EQ(0, cert_auth_sign(l, c->method, c->hash, &self->o.ks,
					    auth, &len)) {
			TH_LOG("%s method %u hash %u", key_names[c->key],
			       c->method, c->hash);
		}
		EXPECT_EQ(0, cert_auth_verify(p, c->method, auth, len,
					      &self->o.ks)) {
			TH_LOG("%s method %u hash %u", key_names[c->key],
			       c->method, c->hash);
		}
		/* RFC 4754: r | s of the curve's size */
		if (c->method == IKEV2_AUTH_ECDSA_256)
			EXPECT_EQ(64, len);
		if (c->method == IKEV2_AUTH_ECDSA_384)
			EXPECT_EQ(96, len);
		if (c->method == IKEV2_AUTH_ECDSA_521)
			EXPECT_EQ(132, len);
		if (c->method == IKEV2_AUTH_RSA_SIG)
			EXPECT_EQ(256, len);
		/* a signature by another key */
		EXPECT_NE(0, cert_auth_verify(self->p[c->key == K_EC ? K_RSA :
							      K_EC],
					      c->method, auth, len,
					      &self->o.ks));
		/* tampered octets, in each piece */
		self->o.msg[17] ^= 0x40;
		EXPECT_EQ(-EBADMSG, cert_auth_verify(p, c->method, auth, len,
						     &self->o.ks));
		self->o.msg[17] ^= 0x40;
		self->o.id[47] ^= 0x01;
		EXPECT_EQ(-EBADMSG, cert_auth_verify(p, c->method, auth, len,
						     &self->o.ks));
		self->o.id[47] ^= 0x01;
		/* tampered signature: its last byte, then its length */
		auth[len - 1] ^= 0x01;
		EXPECT_EQ(-EBADMSG, cert_auth_verify(p, c->method, auth, len,
						     &self->o.ks));
		auth[len - 1] ^= 0x01;
		EXPECT_EQ(-EBADMSG, cert_auth_verify(p, c->method, auth,
						     len - 1, &self->o.ks));
		EXPECT_EQ(0, cert_auth_verify(p, c->method, auth, len,
					      &self->o.ks));
	}

	/* method 14's AlgorithmIdentifiers, as RFC 7427 Appendix A */
	len = sizeof(auth);
	ASSERT_EQ(0, cert_auth_sign(self->l[K_RSA], IKEV2_AUTH_DIGITAL_SIGNATURE,
				    0, &self->o.ks, auth, &len));
	EXPECT_EQ(sizeof(alg_sha256_rsa), auth[0]);
	EXPECT_EQ(0, memcmp(alg_sha256_rsa, auth + 1, auth[0]));
	EXPECT_EQ(1 + sizeof(alg_sha256_rsa) + 256, len);
	len = sizeof(auth);
	ASSERT_EQ(0, cert_auth_sign(self->l[K_EC], IKEV2_AUTH_DIGITAL_SIGNATURE,
				    0, &self->o.ks, auth, &len));
	EXPECT_EQ(sizeof(alg_ecdsa_sha256), auth[0]);
	EXPECT_EQ(0, memcmp(alg_ecdsa_sha256, auth + 1, auth[0]));
	len = sizeof(auth);
	ASSERT_EQ(0, cert_auth_sign(self->l[K_P384], IKEV2_AUTH_DIGITAL_SIGNATURE,
				    0, &self->o.ks, auth, &len));
	EXPECT_EQ(0, memcmp(alg_ecdsa_sha384, auth + 1, auth[0]));
}

TEST_F(pki, sign_errors)
{
	uint8_t auth[CERT_AUTH_MAX];
	const struct keymat_signed *o = &self->o.ks;
	size_t len;

	/* methods that do not fit the key */
	len = sizeof(auth);
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_sign(self->l[K_RSA], IKEV2_AUTH_ECDSA_256,
					      0, o, auth, &len));
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_sign(self->l[K_EC], IKEV2_AUTH_ECDSA_384,
					      0, o, auth, &len));
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_sign(self->l[K_EC], IKEV2_AUTH_RSA_SIG,
					      0, o, auth, &len));
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_sign(self->l[K_RSA],
					      IKEV2_AUTH_SHARED_KEY_MIC, 0, o,
					      auth, &len));
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_sign(self->l[K_RSA],
					      IKEV2_AUTH_DIGITAL_SIGNATURE,
					      CERT_HASH_SHA1, o, auth, &len));
	EXPECT_EQ(-EINVAL, cert_auth_sign(NULL, IKEV2_AUTH_RSA_SIG, 0, o,
					  auth, &len));
	/* too little room */
	len = 255;
	EXPECT_EQ(-ENOSPC, cert_auth_sign(self->l[K_RSA], IKEV2_AUTH_RSA_SIG, 0,
					  o, auth, &len));
	len = 63;
	EXPECT_EQ(-ENOSPC, cert_auth_sign(self->l[K_EC], IKEV2_AUTH_ECDSA_256, 0,
					  o, auth, &len));
	len = 10;
	EXPECT_EQ(-ENOSPC, cert_auth_sign(self->l[K_EC],
					  IKEV2_AUTH_DIGITAL_SIGNATURE, 0, o,
					  auth, &len));

	/* verification with a method that does not fit the key */
	len = sizeof(auth);
	ASSERT_EQ(0, cert_auth_sign(self->l[K_P384], IKEV2_AUTH_ECDSA_384, 0, o,
				    auth, &len));
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_verify(self->p[K_EC],
						IKEV2_AUTH_ECDSA_384, auth,
						len, o));
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_verify(self->p[K_P384],
						IKEV2_AUTH_ECDSA_256, auth,
						64, o));
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_verify(self->p[K_P384],
						IKEV2_AUTH_RSA_SIG, auth,
						len, o));
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_verify(self->p[K_P384],
						IKEV2_AUTH_DSS_SIG, auth,
						len, o));
	EXPECT_EQ(-EINVAL, cert_auth_verify(NULL, IKEV2_AUTH_ECDSA_384, auth,
					    len, o));
}

/* replace method 14's AlgorithmIdentifier, keeping the signature */
static size_t swap_algid(const uint8_t *auth, size_t len, const uint8_t *alg,
			 size_t alg_len, uint8_t *out)
{
	size_t sig = len - 1 - auth[0];

	out[0] = alg_len;
	memcpy(out + 1, alg, alg_len);
	memcpy(out + 1 + alg_len, auth + 1 + auth[0], sig);
	return 1 + alg_len + sig;
}

static const uint8_t alg_sha384_rsa[] = {
	0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01,
	0x01, 0x0c, 0x05, 0x00,
};

static const uint8_t alg_sha256_rsa_noparam[] = {
	0x30, 0x0b, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01,
	0x01, 0x0b,
};

static const uint8_t alg_sha1_rsa[] = {
	0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01,
	0x01, 0x05, 0x05, 0x00,
};

/* sha256WithRSAEncryption with an INTEGER 0 as parameters */
static const uint8_t alg_sha256_rsa_badparam[] = {
	0x30, 0x0e, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01,
	0x01, 0x0b, 0x02, 0x01, 0x00,
};

/* a bare sha256 hash, no signature algorithm */
static const uint8_t alg_sha256[] = {
	0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04,
	0x02, 0x01, 0x05, 0x00,
};

TEST_F(pki, method14_algid_checks)
{
	uint8_t auth[CERT_AUTH_MAX], ecauth[CERT_AUTH_MAX], t[CERT_AUTH_MAX];
	const struct keymat_signed *o = &self->o.ks;
	size_t len, eclen, tl;

	len = sizeof(auth);
	ASSERT_EQ(0, cert_auth_sign(self->l[K_RSA], IKEV2_AUTH_DIGITAL_SIGNATURE,
				    CERT_HASH_SHA2_256, o, auth, &len));
	eclen = sizeof(ecauth);
	ASSERT_EQ(0, cert_auth_sign(self->l[K_EC], IKEV2_AUTH_DIGITAL_SIGNATURE,
				    CERT_HASH_SHA2_256, o, ecauth, &eclen));

	/* an AlgorithmIdentifier that does not match the key */
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_verify(self->p[K_EC],
						IKEV2_AUTH_DIGITAL_SIGNATURE,
						auth, len, o));
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_verify(self->p[K_RSA],
						IKEV2_AUTH_DIGITAL_SIGNATURE,
						ecauth, eclen, o));
	tl = swap_algid(auth, len, alg_ecdsa_sha256, sizeof(alg_ecdsa_sha256),
			t);
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_verify(self->p[K_RSA],
						IKEV2_AUTH_DIGITAL_SIGNATURE,
						t, tl, o));
	/* unsupported ones */
	tl = swap_algid(auth, len, alg_sha1_rsa, sizeof(alg_sha1_rsa), t);
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_verify(self->p[K_RSA],
						IKEV2_AUTH_DIGITAL_SIGNATURE,
						t, tl, o));
	tl = swap_algid(auth, len, alg_sha256, sizeof(alg_sha256), t);
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_verify(self->p[K_RSA],
						IKEV2_AUTH_DIGITAL_SIGNATURE,
						t, tl, o));
	tl = swap_algid(auth, len, alg_sha256_rsa_badparam,
			sizeof(alg_sha256_rsa_badparam), t);
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_verify(self->p[K_RSA],
						IKEV2_AUTH_DIGITAL_SIGNATURE,
						t, tl, o));
	/* the right key, the wrong hash */
	tl = swap_algid(auth, len, alg_sha384_rsa, sizeof(alg_sha384_rsa), t);
	EXPECT_EQ(-EBADMSG, cert_auth_verify(self->p[K_RSA],
					     IKEV2_AUTH_DIGITAL_SIGNATURE,
					     t, tl, o));
	/* absent parameters instead of NULL are fine */
	tl = swap_algid(auth, len, alg_sha256_rsa_noparam,
			sizeof(alg_sha256_rsa_noparam), t);
	EXPECT_EQ(0, cert_auth_verify(self->p[K_RSA],
				      IKEV2_AUTH_DIGITAL_SIGNATURE, t, tl, o));

	/* malformed: lengths that lie, trailing bytes, no signature */
	memcpy(t, auth, len);
	t[0]++;
	EXPECT_EQ(-EBADMSG, cert_auth_verify(self->p[K_RSA],
					     IKEV2_AUTH_DIGITAL_SIGNATURE,
					     t, len, o));
	t[0] -= 2;
	EXPECT_EQ(-EBADMSG, cert_auth_verify(self->p[K_RSA],
					     IKEV2_AUTH_DIGITAL_SIGNATURE,
					     t, len, o));
	t[0] = 0;
	EXPECT_EQ(-EBADMSG, cert_auth_verify(self->p[K_RSA],
					     IKEV2_AUTH_DIGITAL_SIGNATURE,
					     t, len, o));
	t[0] = 255;
	EXPECT_EQ(-EBADMSG, cert_auth_verify(self->p[K_RSA],
					     IKEV2_AUTH_DIGITAL_SIGNATURE,
					     t, len, o));
	EXPECT_EQ(-EBADMSG, cert_auth_verify(self->p[K_RSA],
					     IKEV2_AUTH_DIGITAL_SIGNATURE,
					     auth, 1 + auth[0], o));
	EXPECT_EQ(-EBADMSG, cert_auth_verify(self->p[K_RSA],
					     IKEV2_AUTH_DIGITAL_SIGNATURE,
					     auth, 1, o));
	EXPECT_EQ(-EBADMSG, cert_auth_verify(self->p[K_RSA],
					     IKEV2_AUTH_DIGITAL_SIGNATURE,
					     auth, 0, o));
}

/*
 * RSASSA-PSS AlgorithmIdentifiers (RFC 4055): @hash_null puts NULL
 * parameters in the hash AlgorithmIdentifiers as strongSwan does, a
 * @salt of -1 leaves the field out (the default 20), a @hash of 0 leaves
 * out the hash and MGF fields (SHA-1 defaults)
 */
static size_t pss_algid(int hash, bool hash_null, int salt, uint8_t *out)
{
	static const uint8_t pss_oid[] = {
		0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01,
		0x0a,
	};
	static const uint8_t mgf1_oid[] = {
		0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01,
		0x08,
	};
	uint8_t halg[16], params[96], *p = params;
	size_t hl = 0, pl, n = 0;

	if (hash) {
		/* sha256 2.16.840.1.101.3.4.2.1, 384 .2, 512 .3 */
		static const uint8_t sha2[] = {
			0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04,
			0x02,
		};
		halg[hl++] = 0x30;
		halg[hl++] = sizeof(sha2) + 1 + (hash_null ? 2 : 0);
		memcpy(halg + hl, sha2, sizeof(sha2));
		hl += sizeof(sha2);
		halg[hl++] = hash;
		if (hash_null) {
			halg[hl++] = 0x05;
			halg[hl++] = 0x00;
		}
		/* [0] hashAlgorithm */
		*p++ = 0xa0;
		*p++ = hl;
		memcpy(p, halg, hl);
		p += hl;
		/* [1] maskGenAlgorithm: SEQUENCE { mgf1, hash } */
		*p++ = 0xa1;
		*p++ = 2 + sizeof(mgf1_oid) + hl;
		*p++ = 0x30;
		*p++ = sizeof(mgf1_oid) + hl;
		memcpy(p, mgf1_oid, sizeof(mgf1_oid));
		p += sizeof(mgf1_oid);
		memcpy(p, halg, hl);
		p += hl;
	}
	if (salt >= 0) {
		/* [2] saltLength */
		*p++ = 0xa2;
		*p++ = 3;
		*p++ = 0x02;
		*p++ = 1;
		*p++ = salt;
	}
	pl = p - params;
	out[n++] = 0x30;
	out[n++] = sizeof(pss_oid) + 2 + pl;
	memcpy(out + n, pss_oid, sizeof(pss_oid));
	n += sizeof(pss_oid);
	out[n++] = 0x30;
	out[n++] = pl;
	memcpy(out + n, params, pl);
	return n + pl;
}

/* method 14 AUTH data from an AlgorithmIdentifier and a signature file */
static size_t auth14(const uint8_t *alg, size_t alg_len, const char *sig,
		     uint8_t *out, size_t room)
{
	out[0] = alg_len;
	memcpy(out + 1, alg, alg_len);
	return 1 + alg_len + file_read(sig, out + 1 + alg_len,
				       room - 1 - alg_len);
}

/*
 * RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt, NULL
 * hash parameters: the AlgorithmIdentifier strongSwan 5.9 sends
 */
static const uint8_t pss_sha256_strongswan[] = {
	0x30, 0x41, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01,
	0x01, 0x0a, 0x30, 0x34, 0xa0, 0x0f, 0x30, 0x0d, 0x06, 0x09, 0x60,
	0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0xa1,
	0x1c, 0x30, 0x1a, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d,
	0x01, 0x01, 0x08, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
	0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0xa2, 0x03, 0x02, 0x01,
	0x20,
};

TEST_F(pki, rsassa_pss_from_openssl_cli)
{
	const struct keymat_signed *o = &self->o.ks;
	uint8_t alg[128], auth[CERT_AUTH_MAX];
	size_t al, len;

	octets_file(&self->o, P("octets.bin"));
	/* SHA-256, MGF1-SHA-256, salt 32: what strongSwan 5.9 sends */
	ASSERT_EQ(0, cli_sign("sha256", "client-rsa.key", 32, "pss256.sig"));
	al = pss_algid(1, true, 32, alg);
	ASSERT_EQ(sizeof(pss_sha256_strongswan), al);
	EXPECT_EQ(0, memcmp(pss_sha256_strongswan, alg, al));
	len = auth14(alg, al, P("pss256.sig"), auth, sizeof(auth));
	ASSERT_EQ(1 + al + 256, len);
	EXPECT_EQ(0, cert_auth_verify(self->p[K_RSA],
				      IKEV2_AUTH_DIGITAL_SIGNATURE, auth, len,
				      o));
	/* hash AlgorithmIdentifiers without NULL, as OpenSSL writes them */
	al = pss_algid(1, false, 32, alg);
	len = auth14(alg, al, P("pss256.sig"), auth, sizeof(auth));
	EXPECT_EQ(0, cert_auth_verify(self->p[K_RSA],
				      IKEV2_AUTH_DIGITAL_SIGNATURE, auth, len,
				      o));
	/* the salt length must be the one declared */
	al = pss_algid(1, true, -1, alg);
	len = auth14(alg, al, P("pss256.sig"), auth, sizeof(auth));
	EXPECT_EQ(-EBADMSG, cert_auth_verify(self->p[K_RSA],
					     IKEV2_AUTH_DIGITAL_SIGNATURE,
					     auth, len, o));
	/* another hash */
	al = pss_algid(3, true, 32, alg);
	len = auth14(alg, al, P("pss256.sig"), auth, sizeof(auth));
	EXPECT_EQ(-EBADMSG, cert_auth_verify(self->p[K_RSA],
					     IKEV2_AUTH_DIGITAL_SIGNATURE,
					     auth, len, o));
	/* the SHA-1 defaults are refused */
	al = pss_algid(0, true, -1, alg);
	len = auth14(alg, al, P("pss256.sig"), auth, sizeof(auth));
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_verify(self->p[K_RSA],
						IKEV2_AUTH_DIGITAL_SIGNATURE,
						auth, len, o));
	/* not with an ECDSA key */
	al = pss_algid(1, true, 32, alg);
	len = auth14(alg, al, P("pss256.sig"), auth, sizeof(auth));
	EXPECT_EQ(-EOPNOTSUPP, cert_auth_verify(self->p[K_EC],
						IKEV2_AUTH_DIGITAL_SIGNATURE,
						auth, len, o));
	/* tampered octets */
	self->o.nonce[0] ^= 1;
	EXPECT_EQ(-EBADMSG, cert_auth_verify(self->p[K_RSA],
					     IKEV2_AUTH_DIGITAL_SIGNATURE,
					     auth, len, o));
	self->o.nonce[0] ^= 1;

	/* SHA-512 with a 64-byte salt */
	ASSERT_EQ(0, cli_sign("sha512", "client-rsa.key", 64, "pss512.sig"));
	al = pss_algid(3, true, 64, alg);
	len = auth14(alg, al, P("pss512.sig"), auth, sizeof(auth));
	EXPECT_EQ(0, cert_auth_verify(self->p[K_RSA],
				      IKEV2_AUTH_DIGITAL_SIGNATURE, auth, len,
				      o));
}

/* a DER ECDSA signature of the openssl CLI as RFC 4754 r | s */
static size_t der_to_rs(const uint8_t *der, size_t len, size_t width,
			uint8_t *out)
{
	const uint8_t *p = der;
	ECDSA_SIG *sig = d2i_ECDSA_SIG(NULL, &p, len);
	const BIGNUM *r, *s;

	if (!sig)
		return 0;
	ECDSA_SIG_get0(sig, &r, &s);
	BN_bn2binpad(r, out, width);
	BN_bn2binpad(s, out + width, width);
	ECDSA_SIG_free(sig);
	return 2 * width;
}

TEST_F(pki, interop_with_openssl_cli)
{
	const struct keymat_signed *o = &self->o.ks;
	uint8_t der[256], auth[CERT_AUTH_MAX];
	size_t len, dl;
	struct {
		struct cert_local *l;
		uint8_t method;
		uint16_t hash;
		const char *pem, *dgst;
		size_t skip;
	} ours[] = {
		{ self->l[K_RSA], IKEV2_AUTH_RSA_SIG, 0, "client-rsa.pem", "sha1",
		  0 },
		{ self->l[K_RSA], IKEV2_AUTH_DIGITAL_SIGNATURE, CERT_HASH_SHA2_512,
		  "client-rsa.pem", "sha512", 16 },
		{ self->l[K_EC], IKEV2_AUTH_DIGITAL_SIGNATURE, 0, "client-ec.pem",
		  "sha256", 13 },
		{ self->l[K_P384], IKEV2_AUTH_DIGITAL_SIGNATURE, 0,
		  "client-p384.pem", "sha384", 13 },
	};
	size_t i;

	octets_file(&self->o, P("octets.bin"));

	/* ECDSA P-256 of the CLI, converted to r | s: method 9 */
	ASSERT_EQ(0, cli_sign("sha256", "client-ec.key", -1, "ec.sig"));
	dl = file_read(P("ec.sig"), der, sizeof(der));
	len = der_to_rs(der, dl, 32, auth);
	ASSERT_EQ(64, len);
	EXPECT_EQ(0, cert_auth_verify(self->p[K_EC], IKEV2_AUTH_ECDSA_256,
				      auth, len, o));
	/* P-521 of the CLI: method 11 */
	ASSERT_EQ(0, cli_sign("sha512", "client-p521.key", -1, "p521.sig"));
	dl = file_read(P("p521.sig"), der, sizeof(der));
	len = der_to_rs(der, dl, 66, auth);
	ASSERT_EQ(132, len);
	EXPECT_EQ(0, cert_auth_verify(self->p[K_P521], IKEV2_AUTH_ECDSA_521,
				      auth, len, o));
	/* ECDSA P-384 with SHA-384 in DER: method 14 */
	ASSERT_EQ(0, cli_sign("sha384", "client-p384.key", -1, "p384.sig"));
	len = auth14(alg_ecdsa_sha384, sizeof(alg_ecdsa_sha384),
		     P("p384.sig"), auth, sizeof(auth));
	EXPECT_EQ(0, cert_auth_verify(self->p[K_P384],
				      IKEV2_AUTH_DIGITAL_SIGNATURE, auth, len,
				      o));
	/* RSA PKCS#1 v1.5 with SHA-384: method 14 */
	ASSERT_EQ(0, cli_sign("sha384", "client-rsa.key", -1, "rsa384.sig"));
	len = auth14(alg_sha384_rsa, sizeof(alg_sha384_rsa),
		     P("rsa384.sig"), auth, sizeof(auth));
	EXPECT_EQ(0, cert_auth_verify(self->p[K_RSA],
				      IKEV2_AUTH_DIGITAL_SIGNATURE, auth, len,
				      o));

	/* ours, checked by the CLI */
	for (i = 0; i < ARRAY_LEN(ours); i++) {
		len = sizeof(auth);
		ASSERT_EQ(0, cert_auth_sign(ours[i].l, ours[i].method,
					    ours[i].hash, o, auth, &len));
		if (ours[i].skip)
			EXPECT_EQ(ours[i].skip - 1, auth[0]);
		file_write(P("ours.sig"), auth + ours[i].skip,
			   len - ours[i].skip);
		ASSERT_EQ(0, run("openssl x509 -in %s -noout -pubkey -out %s",
				 P(ours[i].pem), P("pub.pem")));
		EXPECT_EQ(0, run("openssl dgst -%s -verify %s -signature %s %s",
				 ours[i].dgst, P("pub.pem"), P("ours.sig"),
				 P("octets.bin"))) {
			TH_LOG("case %zu", i);
		}
	}
}

TEST_F(pki, certreq)
{
	uint8_t out[256], sha1[20];
	size_t len;

	/* SHA-1 of the root's SubjectPublicKeyInfo, by the CLI */
	ASSERT_EQ(0, run("openssl x509 -in %s -noout -pubkey -out %s",
			 P("root-ca.pem"), P("root.pub")));
	ASSERT_EQ(0, run("openssl pkey -pubin -in %s -outform DER -out %s",
			 P("root.pub"), P("root.spki")));
	ASSERT_EQ(0, run("openssl dgst -sha1 -binary -out %s %s",
			 P("root.sha1"), P("root.spki")));
	ASSERT_EQ(20, file_read(P("root.sha1"), sha1, sizeof(sha1)));

	ASSERT_EQ(0, cert_store_certreq(self->root, out, sizeof(out), &len));
	EXPECT_EQ(CERT_CERTREQ_HASH_LEN, len);
	EXPECT_EQ(0, memcmp(sha1, out, 20));

	/* the root, then the intermediate */
	ASSERT_EQ(0, cert_store_certreq(self->crl, out, sizeof(out), &len));
	EXPECT_EQ(2 * CERT_CERTREQ_HASH_LEN, len);
	EXPECT_EQ(0, len % CERT_CERTREQ_HASH_LEN);
	EXPECT_EQ(0, memcmp(sha1, out, 20));
	EXPECT_NE(0, memcmp(sha1, out + 20, 20));

	len = 0;
	EXPECT_EQ(-ENOSPC, cert_store_certreq(self->crl, out, 39, &len));
	EXPECT_EQ(40, len);
	EXPECT_EQ(-ENOSPC, cert_store_certreq(self->crl, NULL, 0, &len));
	EXPECT_EQ(-EINVAL, cert_store_certreq(NULL, out, sizeof(out), &len));
}

TEST(hash_algorithms)
{
	static const uint8_t ours[] = { 0, 2, 0, 3, 0, 4 };
	static const uint8_t strongswan[] = { 0, 2, 0, 3, 0, 4, 0, 5 };
	static const uint8_t big[] = { 0, 4, 0, 3 };
	static const uint8_t only512[] = { 0, 4 };
	static const uint8_t none[] = { 0, 1, 0, 5, 0x10 };
	uint8_t out[8];

	EXPECT_EQ(CERT_HASH_ALGS_LEN, cert_hash_algs(out, sizeof(out)));
	EXPECT_EQ(0, memcmp(ours, out, sizeof(ours)));
	EXPECT_EQ(-ENOSPC, cert_hash_algs(out, 5));
	EXPECT_TRUE(cert_hash_supported(CERT_HASH_SHA2_384));
	EXPECT_FALSE(cert_hash_supported(CERT_HASH_SHA1));
	EXPECT_FALSE(cert_hash_supported(5));

	EXPECT_EQ(CERT_HASH_SHA2_256,
		  cert_hash_choose(NULL, strongswan, sizeof(strongswan)));
	EXPECT_EQ(CERT_HASH_SHA2_384, cert_hash_choose(NULL, big,
						       sizeof(big)));
	EXPECT_EQ(CERT_HASH_SHA2_512, cert_hash_choose(NULL, only512,
						       sizeof(only512)));
	EXPECT_EQ(CERT_HASH_NONE, cert_hash_choose(NULL, none, sizeof(none)));
	EXPECT_EQ(CERT_HASH_NONE, cert_hash_choose(NULL, only512, 1));
	EXPECT_EQ(CERT_HASH_NONE, cert_hash_choose(NULL, NULL, 0));
}

TEST_F(pki, hash_choice_by_key)
{
	static const uint8_t all[] = { 0, 2, 0, 3, 0, 4 };
	static const uint8_t no384[] = { 0, 2, 0, 4 };

	EXPECT_EQ(CERT_HASH_SHA2_256, cert_hash_choose(self->l[K_RSA], all,
						       sizeof(all)));
	EXPECT_EQ(CERT_HASH_SHA2_256, cert_hash_choose(self->l[K_EC], all,
						       sizeof(all)));
	EXPECT_EQ(CERT_HASH_SHA2_384, cert_hash_choose(self->l[K_P384], all,
						       sizeof(all)));
	EXPECT_EQ(CERT_HASH_SHA2_512, cert_hash_choose(self->l[K_P521], all,
						       sizeof(all)));
	EXPECT_EQ(CERT_HASH_SHA2_256, cert_hash_choose(self->l[K_P384], no384,
						       sizeof(no384)));
}

TEST_F(pki, malformed_peer_input)
{
	uint8_t buf[4096], auth[CERT_AUTH_MAX];
	const uint8_t *der[CERT_PEER_MAX + 1];
	size_t len[CERT_PEER_MAX + 1], n, i, alen;
	struct cert_peer *p;
	struct ders d;
	char why[256];
	unsigned int seed = 1;

	ASSERT_EQ(2, ders_load(&d, "client-rsa-chain.pem"));
	n = d.len[0];
	ASSERT_LT(n, sizeof(buf));

	/* every truncation of the certificate, and a trailing byte */
	for (i = 0; i < n; i++) {
		der[0] = d.der[0];
		len[0] = i;
		EXPECT_EQ(NULL, cert_peer_new(der, len, 1, why, sizeof(why)));
	}
	memcpy(buf, d.der[0], n);
	buf[n] = 0;
	der[0] = buf;
	len[0] = n + 1;
	EXPECT_EQ(NULL, cert_peer_new(der, len, 1, why, sizeof(why)));
	EXPECT_NE(NULL, strstr(why, "certificate 1: malformed DER")) {
		TH_LOG("%s", why);
	}
	/* a malformed intermediate */
	der[0] = d.der[0];
	len[0] = d.len[0];
	der[1] = d.der[1];
	len[1] = d.len[1] - 1;
	EXPECT_EQ(NULL, cert_peer_new(der, len, 2, why, sizeof(why)));
	EXPECT_NE(NULL, strstr(why, "certificate 2")) TH_LOG("%s", why);
	der[1] = NULL;
	EXPECT_EQ(NULL, cert_peer_new(der, len, 2, why, sizeof(why)));
	/* none, and too many */
	EXPECT_EQ(NULL, cert_peer_new(der, len, 0, why, sizeof(why)));
	for (i = 0; i < CERT_PEER_MAX + 1; i++) {
		der[i] = d.der[0];
		len[i] = d.len[0];
	}
	EXPECT_EQ(NULL, cert_peer_new(der, len, CERT_PEER_MAX + 1, why,
				      sizeof(why)));
	p = cert_peer_new(der, len, CERT_PEER_MAX, why, sizeof(why));
	EXPECT_NE(NULL, p);
	cert_peer_free(p);

	/*
	 * each byte flipped: either refused, or a certificate that does not
	 * validate (a flip in the signature) or names something else
	 */
	for (i = 0; i < n; i++) {
		memcpy(buf, d.der[0], n);
		buf[i] ^= 1 << (i % 8);
		der[0] = buf;
		len[0] = n;
		der[1] = d.der[1];
		len[1] = d.len[1];
		p = cert_peer_new(der, len, 2, why, sizeof(why));
		if (p) {
			EXPECT_NE(0, cert_peer_verify(self->root, p, why,
						      sizeof(why)));
			cert_peer_id_match(p, IKEV2_ID_FQDN,
					   (const uint8_t *)"x", 1);
			cert_peer_key_type(p);
			cert_peer_free(p);
		}
	}
	/* random bytes */
	for (i = 0; i < 2000; i++) {
		size_t j, l = rand_r(&seed) % 300;

		for (j = 0; j < l; j++)
			buf[j] = rand_r(&seed);
		if (l > 2 && i % 2) {
			buf[0] = 0x30;
			buf[1] = l - 2 < 128 ? l - 2 : 0x81;
		}
		der[0] = buf;
		len[0] = l;
		p = cert_peer_new(der, len, 1, why, sizeof(why));
		EXPECT_EQ(NULL, p);
		cert_peer_free(p);
		/* the same bytes as AUTH data, for every method */
		EXPECT_NE(0, cert_auth_verify(self->p[K_RSA], 1, buf, l,
					      &self->o.ks));
		EXPECT_NE(0, cert_auth_verify(self->p[K_EC], 9, buf, l,
					      &self->o.ks));
		EXPECT_NE(0, cert_auth_verify(self->p[K_P521], 11, buf, l,
					      &self->o.ks));
		EXPECT_NE(0, cert_auth_verify(self->p[K_RSA], 14, buf, l,
					      &self->o.ks));
		EXPECT_NE(0, cert_auth_verify(self->p[K_EC], 14, buf, l,
					      &self->o.ks));
		EXPECT_FALSE(cert_peer_id_match(self->p[K_RSA],
						IKEV2_ID_DER_ASN1_DN, buf, l));
	}
	ders_free(&d);

	/* method 14 with each byte of the AlgorithmIdentifier flipped */
	alen = sizeof(auth);
	ASSERT_EQ(0, cert_auth_sign(self->l[K_RSA], IKEV2_AUTH_DIGITAL_SIGNATURE,
				    0, &self->o.ks, auth, &alen));
	for (i = 0; i <= auth[0]; i++) {
		memcpy(buf, auth, alen);
		buf[i] ^= 0x80;
		EXPECT_NE(0, cert_auth_verify(self->p[K_RSA], 14, buf, alen,
					      &self->o.ks));
	}
	/* and the RSASSA-PSS one */
	{
		uint8_t alg[128];
		size_t al = pss_algid(1, true, 32, alg);

		for (i = 0; i < al; i++) {
			for (n = 0; n < 8; n++) {
				size_t l;

				memcpy(buf + 1, alg, al);
				buf[0] = al;
				buf[1 + i] ^= 1 << n;
				l = 1 + al + 256;
				memset(buf + 1 + al, 0x5a, 256);
				EXPECT_NE(0, cert_auth_verify(self->p[K_RSA],
							      14, buf, l,
							      &self->o.ks));
			}
		}
	}
}

TEST_HARNESS_MAIN
