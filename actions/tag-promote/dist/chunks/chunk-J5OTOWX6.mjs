import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  require_dist,
  require_envelope,
  require_sigstore_common
} from "./chunk-377EZXM7.mjs";
import {
  require_child_process
} from "./chunk-LAKDNJDR.mjs";
import {
  require_promises
} from "./chunk-ZKXDAKWM.mjs";
import {
  require_os,
  require_path
} from "./chunk-Q7KQMW4X.mjs";
import {
  require_crypto,
  require_fs
} from "./chunk-VCWESDKG.mjs";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-5MM4E6UD.mjs";

// node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/bundle.js
var require_bundle = __commonJS({
  "node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/bundle.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BUNDLE_V03_MEDIA_TYPE = exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = exports.BUNDLE_V02_MEDIA_TYPE = exports.BUNDLE_V01_MEDIA_TYPE = void 0;
    exports.isBundleWithCertificateChain = isBundleWithCertificateChain;
    exports.isBundleWithPublicKey = isBundleWithPublicKey;
    exports.isBundleWithMessageSignature = isBundleWithMessageSignature;
    exports.isBundleWithDsseEnvelope = isBundleWithDsseEnvelope2;
    exports.BUNDLE_V01_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle+json;version=0.1";
    exports.BUNDLE_V02_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle+json;version=0.2";
    exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle+json;version=0.3";
    exports.BUNDLE_V03_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
    function isBundleWithCertificateChain(b) {
      return b.verificationMaterial.content.$case === "x509CertificateChain";
    }
    function isBundleWithPublicKey(b) {
      return b.verificationMaterial.content.$case === "publicKey";
    }
    function isBundleWithMessageSignature(b) {
      return b.content.$case === "messageSignature";
    }
    function isBundleWithDsseEnvelope2(b) {
      return b.content.$case === "dsseEnvelope";
    }
  }
});

// node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/build.js
var require_build = __commonJS({
  "node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/build.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toMessageSignatureBundle = toMessageSignatureBundle;
    exports.toDSSEBundle = toDSSEBundle;
    var protobuf_specs_1 = require_dist();
    var bundle_1 = require_bundle();
    function toMessageSignatureBundle(options) {
      return {
        mediaType: options.certificateChain ? bundle_1.BUNDLE_V02_MEDIA_TYPE : bundle_1.BUNDLE_V03_MEDIA_TYPE,
        content: {
          $case: "messageSignature",
          messageSignature: {
            messageDigest: {
              algorithm: protobuf_specs_1.HashAlgorithm.SHA2_256,
              digest: options.digest
            },
            signature: options.signature
          }
        },
        verificationMaterial: toVerificationMaterial(options)
      };
    }
    function toDSSEBundle(options) {
      return {
        mediaType: options.certificateChain ? bundle_1.BUNDLE_V02_MEDIA_TYPE : bundle_1.BUNDLE_V03_MEDIA_TYPE,
        content: {
          $case: "dsseEnvelope",
          dsseEnvelope: toEnvelope(options)
        },
        verificationMaterial: toVerificationMaterial(options)
      };
    }
    function toEnvelope(options) {
      return {
        payloadType: options.artifactType,
        payload: options.artifact,
        signatures: [toSignature(options)]
      };
    }
    function toSignature(options) {
      return {
        keyid: options.keyHint || "",
        sig: options.signature
      };
    }
    function toVerificationMaterial(options) {
      return {
        content: toKeyContent(options),
        tlogEntries: [],
        timestampVerificationData: { rfc3161Timestamps: [] }
      };
    }
    function toKeyContent(options) {
      if (options.certificate) {
        if (options.certificateChain) {
          return {
            $case: "x509CertificateChain",
            x509CertificateChain: {
              certificates: [{ rawBytes: options.certificate }]
            }
          };
        } else {
          return {
            $case: "certificate",
            certificate: { rawBytes: options.certificate }
          };
        }
      } else {
        return {
          $case: "publicKey",
          publicKey: {
            hint: options.keyHint || ""
          }
        };
      }
    }
  }
});

// node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/error.js
var require_error = __commonJS({
  "node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValidationError = void 0;
    var ValidationError = class extends Error {
      fields;
      constructor(message, fields) {
        super(message);
        this.fields = fields;
      }
    };
    exports.ValidationError = ValidationError;
  }
});

// node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/validate.js
var require_validate = __commonJS({
  "node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/validate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assertBundle = assertBundle;
    exports.assertBundleV01 = assertBundleV01;
    exports.isBundleV01 = isBundleV01;
    exports.assertBundleV02 = assertBundleV02;
    exports.assertBundleLatest = assertBundleLatest;
    var error_1 = require_error();
    function assertBundle(b) {
      const invalidValues = validateBundleBase(b);
      if (invalidValues.length > 0) {
        throw new error_1.ValidationError("invalid bundle", invalidValues);
      }
    }
    function assertBundleV01(b) {
      const invalidValues = [];
      invalidValues.push(...validateBundleBase(b));
      invalidValues.push(...validateInclusionPromise(b));
      if (invalidValues.length > 0) {
        throw new error_1.ValidationError("invalid v0.1 bundle", invalidValues);
      }
    }
    function isBundleV01(b) {
      try {
        assertBundleV01(b);
        return true;
      } catch (e) {
        return false;
      }
    }
    function assertBundleV02(b) {
      const invalidValues = [];
      invalidValues.push(...validateBundleBase(b));
      invalidValues.push(...validateInclusionProof(b));
      if (invalidValues.length > 0) {
        throw new error_1.ValidationError("invalid v0.2 bundle", invalidValues);
      }
    }
    function assertBundleLatest(b) {
      const invalidValues = [];
      invalidValues.push(...validateBundleBase(b));
      invalidValues.push(...validateInclusionProof(b));
      invalidValues.push(...validateNoCertificateChain(b));
      if (invalidValues.length > 0) {
        throw new error_1.ValidationError("invalid bundle", invalidValues);
      }
    }
    function validateBundleBase(b) {
      const invalidValues = [];
      if (b.mediaType === void 0 || !b.mediaType.match(/^application\/vnd\.dev\.sigstore\.bundle\+json;version=\d\.\d/) && !b.mediaType.match(/^application\/vnd\.dev\.sigstore\.bundle\.v\d\.\d\+json/)) {
        invalidValues.push("mediaType");
      }
      if (b.content === void 0) {
        invalidValues.push("content");
      } else {
        switch (b.content.$case) {
          case "messageSignature":
            if (b.content.messageSignature.messageDigest === void 0) {
              invalidValues.push("content.messageSignature.messageDigest");
            } else {
              if (b.content.messageSignature.messageDigest.digest.length === 0) {
                invalidValues.push("content.messageSignature.messageDigest.digest");
              }
            }
            if (b.content.messageSignature.signature.length === 0) {
              invalidValues.push("content.messageSignature.signature");
            }
            break;
          case "dsseEnvelope":
            if (b.content.dsseEnvelope.payload.length === 0) {
              invalidValues.push("content.dsseEnvelope.payload");
            }
            if (b.content.dsseEnvelope.signatures.length !== 1) {
              invalidValues.push("content.dsseEnvelope.signatures");
            } else {
              if (b.content.dsseEnvelope.signatures[0].sig.length === 0) {
                invalidValues.push("content.dsseEnvelope.signatures[0].sig");
              }
            }
            break;
        }
      }
      if (b.verificationMaterial === void 0) {
        invalidValues.push("verificationMaterial");
      } else {
        if (b.verificationMaterial.content === void 0) {
          invalidValues.push("verificationMaterial.content");
        } else {
          switch (b.verificationMaterial.content.$case) {
            case "x509CertificateChain":
              if (b.verificationMaterial.content.x509CertificateChain.certificates.length === 0) {
                invalidValues.push("verificationMaterial.content.x509CertificateChain.certificates");
              }
              b.verificationMaterial.content.x509CertificateChain.certificates.forEach((cert, i) => {
                if (cert.rawBytes.length === 0) {
                  invalidValues.push(`verificationMaterial.content.x509CertificateChain.certificates[${i}].rawBytes`);
                }
              });
              break;
            case "certificate":
              if (b.verificationMaterial.content.certificate.rawBytes.length === 0) {
                invalidValues.push("verificationMaterial.content.certificate.rawBytes");
              }
              break;
          }
        }
        if (b.verificationMaterial.tlogEntries === void 0) {
          invalidValues.push("verificationMaterial.tlogEntries");
        } else {
          if (b.verificationMaterial.tlogEntries.length > 0) {
            b.verificationMaterial.tlogEntries.forEach((entry, i) => {
              if (entry.logId === void 0) {
                invalidValues.push(`verificationMaterial.tlogEntries[${i}].logId`);
              }
              if (entry.kindVersion === void 0) {
                invalidValues.push(`verificationMaterial.tlogEntries[${i}].kindVersion`);
              }
            });
          }
        }
      }
      return invalidValues;
    }
    function validateInclusionPromise(b) {
      const invalidValues = [];
      if (b.verificationMaterial && b.verificationMaterial.tlogEntries?.length > 0) {
        b.verificationMaterial.tlogEntries.forEach((entry, i) => {
          if (entry.inclusionPromise === void 0) {
            invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionPromise`);
          }
        });
      }
      return invalidValues;
    }
    function validateInclusionProof(b) {
      const invalidValues = [];
      if (b.verificationMaterial && b.verificationMaterial.tlogEntries?.length > 0) {
        b.verificationMaterial.tlogEntries.forEach((entry, i) => {
          if (entry.inclusionProof === void 0) {
            invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionProof`);
          } else {
            if (entry.inclusionProof.checkpoint === void 0) {
              invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionProof.checkpoint`);
            }
          }
        });
      }
      return invalidValues;
    }
    function validateNoCertificateChain(b) {
      const invalidValues = [];
      if (b.verificationMaterial?.content?.$case === "x509CertificateChain") {
        invalidValues.push("verificationMaterial.content.$case");
      }
      return invalidValues;
    }
  }
});

// node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/serialized.js
var require_serialized = __commonJS({
  "node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/serialized.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.envelopeToJSON = exports.envelopeFromJSON = exports.bundleToJSON = exports.bundleFromJSON = void 0;
    var protobuf_specs_1 = require_dist();
    var bundle_1 = require_bundle();
    var validate_1 = require_validate();
    var bundleFromJSON2 = (obj) => {
      const bundle = protobuf_specs_1.Bundle.fromJSON(obj);
      switch (bundle.mediaType) {
        case bundle_1.BUNDLE_V01_MEDIA_TYPE:
          (0, validate_1.assertBundleV01)(bundle);
          break;
        case bundle_1.BUNDLE_V02_MEDIA_TYPE:
          (0, validate_1.assertBundleV02)(bundle);
          break;
        default:
          (0, validate_1.assertBundleLatest)(bundle);
          break;
      }
      return bundle;
    };
    exports.bundleFromJSON = bundleFromJSON2;
    var bundleToJSON = (bundle) => {
      return protobuf_specs_1.Bundle.toJSON(bundle);
    };
    exports.bundleToJSON = bundleToJSON;
    var envelopeFromJSON = (obj) => {
      return protobuf_specs_1.Envelope.fromJSON(obj);
    };
    exports.envelopeFromJSON = envelopeFromJSON;
    var envelopeToJSON = (envelope) => {
      return protobuf_specs_1.Envelope.toJSON(envelope);
    };
    exports.envelopeToJSON = envelopeToJSON;
  }
});

// node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/index.js
var require_dist2 = __commonJS({
  "node_modules/.pnpm/@sigstore+bundle@5.0.1/node_modules/@sigstore/bundle/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isBundleV01 = exports.assertBundleV02 = exports.assertBundleV01 = exports.assertBundleLatest = exports.assertBundle = exports.envelopeToJSON = exports.envelopeFromJSON = exports.bundleToJSON = exports.bundleFromJSON = exports.ValidationError = exports.isBundleWithPublicKey = exports.isBundleWithMessageSignature = exports.isBundleWithDsseEnvelope = exports.isBundleWithCertificateChain = exports.BUNDLE_V03_MEDIA_TYPE = exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = exports.BUNDLE_V02_MEDIA_TYPE = exports.BUNDLE_V01_MEDIA_TYPE = exports.toMessageSignatureBundle = exports.toDSSEBundle = void 0;
    var build_1 = require_build();
    Object.defineProperty(exports, "toDSSEBundle", { enumerable: true, get: function() {
      return build_1.toDSSEBundle;
    } });
    Object.defineProperty(exports, "toMessageSignatureBundle", { enumerable: true, get: function() {
      return build_1.toMessageSignatureBundle;
    } });
    var bundle_1 = require_bundle();
    Object.defineProperty(exports, "BUNDLE_V01_MEDIA_TYPE", { enumerable: true, get: function() {
      return bundle_1.BUNDLE_V01_MEDIA_TYPE;
    } });
    Object.defineProperty(exports, "BUNDLE_V02_MEDIA_TYPE", { enumerable: true, get: function() {
      return bundle_1.BUNDLE_V02_MEDIA_TYPE;
    } });
    Object.defineProperty(exports, "BUNDLE_V03_LEGACY_MEDIA_TYPE", { enumerable: true, get: function() {
      return bundle_1.BUNDLE_V03_LEGACY_MEDIA_TYPE;
    } });
    Object.defineProperty(exports, "BUNDLE_V03_MEDIA_TYPE", { enumerable: true, get: function() {
      return bundle_1.BUNDLE_V03_MEDIA_TYPE;
    } });
    Object.defineProperty(exports, "isBundleWithCertificateChain", { enumerable: true, get: function() {
      return bundle_1.isBundleWithCertificateChain;
    } });
    Object.defineProperty(exports, "isBundleWithDsseEnvelope", { enumerable: true, get: function() {
      return bundle_1.isBundleWithDsseEnvelope;
    } });
    Object.defineProperty(exports, "isBundleWithMessageSignature", { enumerable: true, get: function() {
      return bundle_1.isBundleWithMessageSignature;
    } });
    Object.defineProperty(exports, "isBundleWithPublicKey", { enumerable: true, get: function() {
      return bundle_1.isBundleWithPublicKey;
    } });
    var error_1 = require_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return error_1.ValidationError;
    } });
    var serialized_1 = require_serialized();
    Object.defineProperty(exports, "bundleFromJSON", { enumerable: true, get: function() {
      return serialized_1.bundleFromJSON;
    } });
    Object.defineProperty(exports, "bundleToJSON", { enumerable: true, get: function() {
      return serialized_1.bundleToJSON;
    } });
    Object.defineProperty(exports, "envelopeFromJSON", { enumerable: true, get: function() {
      return serialized_1.envelopeFromJSON;
    } });
    Object.defineProperty(exports, "envelopeToJSON", { enumerable: true, get: function() {
      return serialized_1.envelopeToJSON;
    } });
    var validate_1 = require_validate();
    Object.defineProperty(exports, "assertBundle", { enumerable: true, get: function() {
      return validate_1.assertBundle;
    } });
    Object.defineProperty(exports, "assertBundleLatest", { enumerable: true, get: function() {
      return validate_1.assertBundleLatest;
    } });
    Object.defineProperty(exports, "assertBundleV01", { enumerable: true, get: function() {
      return validate_1.assertBundleV01;
    } });
    Object.defineProperty(exports, "assertBundleV02", { enumerable: true, get: function() {
      return validate_1.assertBundleV02;
    } });
    Object.defineProperty(exports, "isBundleV01", { enumerable: true, get: function() {
      return validate_1.isBundleV01;
    } });
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/stream.js
var require_stream = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ByteStream = void 0;
    var StreamError = class extends Error {
    };
    var ByteStream = class _ByteStream {
      static BLOCK_SIZE = 1024;
      buf;
      view;
      start = 0;
      constructor(buffer) {
        if (buffer) {
          this.buf = buffer;
          this.view = Buffer.from(buffer);
        } else {
          this.buf = Buffer.alloc(0);
          this.view = Buffer.from(this.buf);
        }
      }
      get buffer() {
        return this.view.subarray(0, this.start);
      }
      get length() {
        return this.view.byteLength;
      }
      get position() {
        return this.start;
      }
      seek(position) {
        this.start = position;
      }
      // Returns a Buffer containing the specified number of bytes starting at the
      // given start position.
      slice(start, len) {
        const end = start + len;
        if (end > this.length) {
          throw new StreamError("request past end of buffer");
        }
        return this.view.subarray(start, end);
      }
      appendChar(char) {
        this.ensureCapacity(1);
        this.view[this.start] = char;
        this.start += 1;
      }
      appendUint16(num) {
        this.ensureCapacity(2);
        const value = new Uint16Array([num]);
        const view = new Uint8Array(value.buffer);
        this.view[this.start] = view[1];
        this.view[this.start + 1] = view[0];
        this.start += 2;
      }
      appendUint24(num) {
        this.ensureCapacity(3);
        const value = new Uint32Array([num]);
        const view = new Uint8Array(value.buffer);
        this.view[this.start] = view[2];
        this.view[this.start + 1] = view[1];
        this.view[this.start + 2] = view[0];
        this.start += 3;
      }
      appendView(view) {
        this.ensureCapacity(view.length);
        this.view.set(view, this.start);
        this.start += view.length;
      }
      getBlock(size) {
        if (size <= 0) {
          return Buffer.alloc(0);
        }
        if (this.start + size > this.view.length) {
          throw new Error("request past end of buffer");
        }
        const result = this.view.subarray(this.start, this.start + size);
        this.start += size;
        return result;
      }
      getUint8() {
        return this.getBlock(1)[0];
      }
      getUint16() {
        const block = this.getBlock(2);
        return block[0] << 8 | block[1];
      }
      ensureCapacity(size) {
        if (this.start + size > this.view.byteLength) {
          const blockSize = _ByteStream.BLOCK_SIZE + (size > _ByteStream.BLOCK_SIZE ? size : 0);
          this.realloc(this.view.byteLength + blockSize);
        }
      }
      realloc(size) {
        const newArray = Buffer.alloc(size);
        const newView = Buffer.from(newArray);
        newView.set(this.view);
        this.buf = newArray;
        this.view = newView;
      }
    };
    exports.ByteStream = ByteStream;
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/asn1/error.js
var require_error2 = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/asn1/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ASN1TypeError = exports.ASN1ParseError = void 0;
    var ASN1ParseError = class extends Error {
    };
    exports.ASN1ParseError = ASN1ParseError;
    var ASN1TypeError = class extends Error {
    };
    exports.ASN1TypeError = ASN1TypeError;
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/asn1/length.js
var require_length = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/asn1/length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.decodeLength = decodeLength;
    exports.encodeLength = encodeLength;
    var error_1 = require_error2();
    function decodeLength(stream) {
      const buf = stream.getUint8();
      if ((buf & 128) === 0) {
        return buf;
      }
      const byteCount = buf & 127;
      if (byteCount > 6) {
        throw new error_1.ASN1ParseError("length exceeds 6 byte limit");
      }
      let len = 0;
      for (let i = 0; i < byteCount; i++) {
        const byte = stream.getUint8();
        if (i === 0 && byte === 0) {
          throw new error_1.ASN1ParseError("non-minimal length encoding");
        }
        len = len * 256 + byte;
      }
      if (len === 0) {
        throw new error_1.ASN1ParseError("indefinite length encoding not supported");
      }
      if (len < 128) {
        throw new error_1.ASN1ParseError("non-minimal length encoding");
      }
      return len;
    }
    function encodeLength(len) {
      if (len < 128) {
        return Buffer.from([len]);
      }
      let val = BigInt(len);
      const bytes = [];
      while (val > 0n) {
        bytes.unshift(Number(val & 255n));
        val = val >> 8n;
      }
      return Buffer.from([128 | bytes.length, ...bytes]);
    }
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/asn1/parse.js
var require_parse = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/asn1/parse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.parseInteger = parseInteger2;
    exports.parseStringASCII = parseStringASCII;
    exports.parseTime = parseTime;
    exports.parseOID = parseOID;
    exports.parseBoolean = parseBoolean2;
    exports.parseBitString = parseBitString;
    var error_1 = require_error2();
    var RE_TIME_SHORT_YEAR = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d{3})?Z$/;
    var RE_TIME_LONG_YEAR = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d{3})?Z$/;
    function parseInteger2(buf) {
      let pos = 0;
      const end = buf.length;
      let val = buf[pos];
      const neg = val > 127;
      const pad = neg ? 255 : 0;
      while (val == pad && ++pos < end) {
        val = buf[pos];
      }
      const len = end - pos;
      if (len === 0)
        return BigInt(neg ? -1 : 0);
      val = neg ? val - 256 : val;
      let n = BigInt(val);
      for (let i = pos + 1; i < end; ++i) {
        n = n * BigInt(256) + BigInt(buf[i]);
      }
      return n;
    }
    function parseStringASCII(buf) {
      return buf.toString("ascii");
    }
    function parseTime(buf, shortYear) {
      const timeStr = parseStringASCII(buf);
      const m = shortYear ? RE_TIME_SHORT_YEAR.exec(timeStr) : RE_TIME_LONG_YEAR.exec(timeStr);
      if (!m) {
        throw new Error("invalid time");
      }
      if (shortYear) {
        let year = Number(m[1]);
        year += year >= 50 ? 1900 : 2e3;
        m[1] = year.toString();
      }
      return /* @__PURE__ */ new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
    }
    function parseOID(buf) {
      let pos = 0;
      const end = buf.length;
      let n = buf[pos++];
      const first = Math.floor(n / 40);
      const second = n % 40;
      let oid = `${first}.${second}`;
      let val = 0n;
      for (; pos < end; ++pos) {
        n = buf[pos];
        val = (val << 7n) + BigInt(n & 127);
        if ((n & 128) === 0) {
          oid += `.${val}`;
          val = 0n;
        }
      }
      return oid;
    }
    function parseBoolean2(buf) {
      if (buf.length !== 1) {
        throw new error_1.ASN1ParseError("invalid boolean");
      }
      switch (buf[0]) {
        case 0:
          return false;
        case 255:
          return true;
        default:
          throw new error_1.ASN1ParseError("invalid boolean");
      }
    }
    function parseBitString(buf) {
      const unused = buf[0];
      if (unused > 7) {
        throw new error_1.ASN1ParseError("invalid bit string");
      }
      const start = 1;
      const end = buf.length;
      const bits = [];
      for (let i = start; i < end; ++i) {
        const byte = buf[i];
        const skip = i === end - 1 ? unused : 0;
        for (let j = 7; j >= skip; --j) {
          bits.push(byte >> j & 1);
        }
      }
      return bits;
    }
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/asn1/tag.js
var require_tag = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/asn1/tag.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ASN1Tag = void 0;
    var error_1 = require_error2();
    var UNIVERSAL_TAG = {
      BOOLEAN: 1,
      INTEGER: 2,
      BIT_STRING: 3,
      OCTET_STRING: 4,
      OBJECT_IDENTIFIER: 6,
      SEQUENCE: 16,
      SET: 17,
      PRINTABLE_STRING: 19,
      UTC_TIME: 23,
      GENERALIZED_TIME: 24
    };
    var TAG_CLASS = {
      UNIVERSAL: 0,
      APPLICATION: 1,
      CONTEXT_SPECIFIC: 2,
      PRIVATE: 3
    };
    var ASN1Tag = class {
      number;
      constructed;
      class;
      constructor(enc) {
        this.number = enc & 31;
        this.constructed = (enc & 32) === 32;
        this.class = enc >> 6;
        if (this.number === 31) {
          throw new error_1.ASN1ParseError("long form tags not supported");
        }
        if (this.class === TAG_CLASS.UNIVERSAL && this.number === 0) {
          throw new error_1.ASN1ParseError("unsupported tag 0x00");
        }
      }
      isUniversal() {
        return this.class === TAG_CLASS.UNIVERSAL;
      }
      isContextSpecific(num) {
        const res = this.class === TAG_CLASS.CONTEXT_SPECIFIC;
        return num !== void 0 ? res && this.number === num : res;
      }
      isBoolean() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.BOOLEAN;
      }
      isInteger() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.INTEGER;
      }
      isBitString() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.BIT_STRING;
      }
      isOctetString() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.OCTET_STRING;
      }
      isOID() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.OBJECT_IDENTIFIER;
      }
      isUTCTime() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.UTC_TIME;
      }
      isGeneralizedTime() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.GENERALIZED_TIME;
      }
      toDER() {
        return this.number | (this.constructed ? 32 : 0) | this.class << 6;
      }
    };
    exports.ASN1Tag = ASN1Tag;
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/asn1/obj.js
var require_obj = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/asn1/obj.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ASN1Obj = void 0;
    var stream_1 = require_stream();
    var error_1 = require_error2();
    var length_1 = require_length();
    var parse_1 = require_parse();
    var tag_1 = require_tag();
    var ASN1Obj = class {
      tag;
      subs;
      value;
      constructor(tag, value, subs) {
        this.tag = tag;
        this.value = value;
        this.subs = subs;
      }
      // Constructs an ASN.1 object from a Buffer of DER-encoded bytes.
      static parseBuffer(buf) {
        const stream = new stream_1.ByteStream(buf);
        const obj = parseStream(stream);
        if (stream.position !== stream.length) {
          throw new error_1.ASN1ParseError("invalid trailing data");
        }
        return obj;
      }
      toDER() {
        const valueStream = new stream_1.ByteStream();
        if (this.subs.length > 0) {
          for (const sub of this.subs) {
            valueStream.appendView(sub.toDER());
          }
        } else {
          valueStream.appendView(this.value);
        }
        const value = valueStream.buffer;
        const obj = new stream_1.ByteStream();
        obj.appendChar(this.tag.toDER());
        obj.appendView((0, length_1.encodeLength)(value.length));
        obj.appendView(value);
        return obj.buffer;
      }
      /////////////////////////////////////////////////////////////////////////////
      // Convenience methods for parsing ASN.1 primitives into JS types
      // Returns the ASN.1 object's value as a boolean. Throws an error if the
      // object is not a boolean.
      toBoolean() {
        if (!this.tag.isBoolean()) {
          throw new error_1.ASN1TypeError("not a boolean");
        }
        return (0, parse_1.parseBoolean)(this.value);
      }
      // Returns the ASN.1 object's value as a BigInt. Throws an error if the
      // object is not an integer.
      toInteger() {
        if (!this.tag.isInteger()) {
          throw new error_1.ASN1TypeError("not an integer");
        }
        return (0, parse_1.parseInteger)(this.value);
      }
      // Returns the ASN.1 object's value as an OID string. Throws an error if the
      // object is not an OID.
      toOID() {
        if (!this.tag.isOID()) {
          throw new error_1.ASN1TypeError("not an OID");
        }
        return (0, parse_1.parseOID)(this.value);
      }
      // Returns the ASN.1 object's value as a Date. Throws an error if the object
      // is not either a UTCTime or a GeneralizedTime.
      toDate() {
        switch (true) {
          case this.tag.isUTCTime():
            return (0, parse_1.parseTime)(this.value, true);
          case this.tag.isGeneralizedTime():
            return (0, parse_1.parseTime)(this.value, false);
          default:
            throw new error_1.ASN1TypeError("not a date");
        }
      }
      // Returns the ASN.1 object's value as a number[] where each number is the
      // value of a bit in the bit string. Throws an error if the object is not a
      // bit string.
      toBitString() {
        if (!this.tag.isBitString()) {
          throw new error_1.ASN1TypeError("not a bit string");
        }
        return (0, parse_1.parseBitString)(this.value);
      }
    };
    exports.ASN1Obj = ASN1Obj;
    var MAX_DEPTH = 100;
    function parseStream(stream, depth = 0) {
      if (depth > MAX_DEPTH) {
        throw new error_1.ASN1ParseError("maximum nesting depth exceeded");
      }
      const tag = new tag_1.ASN1Tag(stream.getUint8());
      const len = (0, length_1.decodeLength)(stream);
      const value = stream.slice(stream.position, len);
      const start = stream.position;
      let subs = [];
      if (tag.constructed) {
        subs = collectSubs(stream, len, depth);
      } else if (tag.isOctetString()) {
        try {
          subs = collectSubs(stream, len, depth);
        } catch (e) {
        }
      }
      if (subs.length === 0) {
        stream.seek(start + len);
      }
      return new ASN1Obj(tag, value, subs);
    }
    function collectSubs(stream, len, depth) {
      const end = stream.position + len;
      if (end > stream.length) {
        throw new error_1.ASN1ParseError("invalid length");
      }
      const subs = [];
      while (stream.position < end) {
        subs.push(parseStream(stream, depth + 1));
      }
      if (stream.position !== end) {
        throw new error_1.ASN1ParseError("invalid length");
      }
      return subs;
    }
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/asn1/index.js
var require_asn1 = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/asn1/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ASN1Obj = void 0;
    var obj_1 = require_obj();
    Object.defineProperty(exports, "ASN1Obj", { enumerable: true, get: function() {
      return obj_1.ASN1Obj;
    } });
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/crypto.js
var require_crypto2 = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/crypto.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createPublicKey = createPublicKey3;
    exports.digest = digest;
    exports.verify = verify;
    exports.bufferEqual = bufferEqual;
    var crypto_1 = __importDefault(__require("node:crypto"));
    function createPublicKey3(key, type = "spki") {
      if (typeof key === "string") {
        if (key.startsWith("-----")) {
          return crypto_1.default.createPublicKey(key);
        } else {
          return crypto_1.default.createPublicKey({
            key: Buffer.from(key, "base64"),
            format: "der",
            type
          });
        }
      } else {
        return crypto_1.default.createPublicKey({ key, format: "der", type });
      }
    }
    function digest(algorithm, ...data) {
      const hash = crypto_1.default.createHash(algorithm);
      for (const d of data) {
        hash.update(d);
      }
      return hash.digest();
    }
    function verify(data, key, signature, algorithm) {
      try {
        return crypto_1.default.verify(algorithm, data, key, signature);
      } catch (e) {
        return false;
      }
    }
    function bufferEqual(a, b) {
      try {
        return crypto_1.default.timingSafeEqual(a, b);
      } catch {
        return false;
      }
    }
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/dsse.js
var require_dsse = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/dsse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.preAuthEncoding = preAuthEncoding;
    var PAE_PREFIX = "DSSEv1";
    function preAuthEncoding(payloadType, payload) {
      const typeBytes = Buffer.from(payloadType, "utf-8");
      return Buffer.concat([
        Buffer.from(`${PAE_PREFIX} ${typeBytes.length} `, "ascii"),
        typeBytes,
        Buffer.from(` ${payload.length} `, "ascii"),
        payload
      ]);
    }
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/encoding.js
var require_encoding = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/encoding.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.base64Encode = base64Encode;
    exports.base64Decode = base64Decode;
    var BASE64_ENCODING = "base64";
    var UTF8_ENCODING = "utf-8";
    function base64Encode(str) {
      return Buffer.from(str, UTF8_ENCODING).toString(BASE64_ENCODING);
    }
    function base64Decode(str) {
      return Buffer.from(str, BASE64_ENCODING).toString(UTF8_ENCODING);
    }
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/json.js
var require_json = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/json.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.canonicalize = canonicalize;
    function canonicalize(object) {
      let buffer = "";
      if (object === null || typeof object !== "object" || object.toJSON != null) {
        buffer += JSON.stringify(object);
      } else if (Array.isArray(object)) {
        buffer += "[";
        let first = true;
        object.forEach((element) => {
          if (!first) {
            buffer += ",";
          }
          first = false;
          buffer += canonicalize(element);
        });
        buffer += "]";
      } else {
        buffer += "{";
        let first = true;
        Object.keys(object).sort().forEach((property) => {
          if (!first) {
            buffer += ",";
          }
          first = false;
          buffer += JSON.stringify(property);
          buffer += ":";
          buffer += canonicalize(object[property]);
        });
        buffer += "}";
      }
      return buffer;
    }
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/pem.js
var require_pem = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/pem.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toDER = toDER;
    exports.fromDER = fromDER;
    var PEM_HEADER = /-----BEGIN (.*)-----/;
    var PEM_FOOTER = /-----END (.*)-----/;
    function toDER(certificate) {
      let der = "";
      certificate.split("\n").forEach((line) => {
        if (line.match(PEM_HEADER) || line.match(PEM_FOOTER)) {
          return;
        }
        der += line;
      });
      return Buffer.from(der, "base64");
    }
    function fromDER(certificate, type = "CERTIFICATE") {
      const der = certificate.toString("base64");
      const lines = der.match(/.{1,64}/g) || "";
      return [`-----BEGIN ${type}-----`, ...lines, `-----END ${type}-----`].join("\n").concat("\n");
    }
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/oid.js
var require_oid = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/oid.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SHA2_HASH_ALGOS = exports.RSA_SIGNATURE_ALGOS = exports.ECDSA_SIGNATURE_ALGOS = void 0;
    exports.ECDSA_SIGNATURE_ALGOS = {
      "1.2.840.10045.4.3.1": "sha224",
      "1.2.840.10045.4.3.2": "sha256",
      "1.2.840.10045.4.3.3": "sha384",
      "1.2.840.10045.4.3.4": "sha512"
    };
    exports.RSA_SIGNATURE_ALGOS = {
      "1.2.840.113549.1.1.14": "sha224",
      "1.2.840.113549.1.1.11": "sha256",
      "1.2.840.113549.1.1.12": "sha384",
      "1.2.840.113549.1.1.13": "sha512"
    };
    exports.SHA2_HASH_ALGOS = {
      "2.16.840.1.101.3.4.2.1": "sha256",
      "2.16.840.1.101.3.4.2.2": "sha384",
      "2.16.840.1.101.3.4.2.3": "sha512"
    };
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/rfc3161/error.js
var require_error3 = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/rfc3161/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.RFC3161TimestampVerificationError = void 0;
    var RFC3161TimestampVerificationError = class extends Error {
    };
    exports.RFC3161TimestampVerificationError = RFC3161TimestampVerificationError;
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/rfc3161/tstinfo.js
var require_tstinfo = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/rfc3161/tstinfo.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TSTInfo = void 0;
    var crypto = __importStar(require_crypto2());
    var oid_1 = require_oid();
    var error_1 = require_error3();
    var TSTInfo = class {
      root;
      constructor(asn1) {
        this.root = asn1;
      }
      get version() {
        return this.root.subs[0].toInteger();
      }
      get genTime() {
        return this.root.subs[4].toDate();
      }
      get messageImprintHashAlgorithm() {
        const oid = this.messageImprintObj.subs[0].subs[0].toOID();
        return oid_1.SHA2_HASH_ALGOS[oid];
      }
      get messageImprintHashedMessage() {
        return this.messageImprintObj.subs[1].value;
      }
      get raw() {
        return this.root.toDER();
      }
      verify(data) {
        const digest = crypto.digest(this.messageImprintHashAlgorithm, data);
        if (!crypto.bufferEqual(digest, this.messageImprintHashedMessage)) {
          throw new error_1.RFC3161TimestampVerificationError("message imprint does not match artifact");
        }
      }
      // https://www.rfc-editor.org/rfc/rfc3161#section-2.4.2
      get messageImprintObj() {
        return this.root.subs[2];
      }
    };
    exports.TSTInfo = TSTInfo;
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/rfc3161/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/rfc3161/timestamp.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.RFC3161Timestamp = void 0;
    var asn1_1 = require_asn1();
    var crypto = __importStar(require_crypto2());
    var oid_1 = require_oid();
    var error_1 = require_error3();
    var tstinfo_1 = require_tstinfo();
    var OID_PKCS9_CONTENT_TYPE_SIGNED_DATA = "1.2.840.113549.1.7.2";
    var OID_PKCS9_CONTENT_TYPE_TSTINFO = "1.2.840.113549.1.9.16.1.4";
    var OID_PKCS9_MESSAGE_DIGEST_KEY = "1.2.840.113549.1.9.4";
    var RFC3161Timestamp = class _RFC3161Timestamp {
      root;
      constructor(asn1) {
        this.root = asn1;
      }
      static parse(der) {
        const asn1 = asn1_1.ASN1Obj.parseBuffer(der);
        return new _RFC3161Timestamp(asn1);
      }
      get status() {
        return this.pkiStatusInfoObj.subs[0].toInteger();
      }
      get contentType() {
        return this.contentTypeObj.toOID();
      }
      get eContentType() {
        return this.eContentTypeObj.toOID();
      }
      get signingTime() {
        return this.tstInfo.genTime;
      }
      get signerIssuer() {
        return this.signerSidObj.subs[0].value;
      }
      get signerSerialNumber() {
        return this.signerSidObj.subs[1].value;
      }
      get signerDigestAlgorithm() {
        const oid = this.signerDigestAlgorithmObj.subs[0].toOID();
        return oid_1.SHA2_HASH_ALGOS[oid];
      }
      get signatureAlgorithm() {
        const oid = this.signatureAlgorithmObj.subs[0].toOID();
        return oid_1.ECDSA_SIGNATURE_ALGOS[oid];
      }
      get signatureValue() {
        return this.signatureValueObj.value;
      }
      get tstInfo() {
        return new tstinfo_1.TSTInfo(this.eContentObj.subs[0].subs[0]);
      }
      verify(data, publicKey) {
        if (!this.timeStampTokenObj) {
          throw new error_1.RFC3161TimestampVerificationError("timeStampToken is missing");
        }
        if (this.contentType !== OID_PKCS9_CONTENT_TYPE_SIGNED_DATA) {
          throw new error_1.RFC3161TimestampVerificationError(`incorrect content type: ${this.contentType}`);
        }
        if (this.eContentType !== OID_PKCS9_CONTENT_TYPE_TSTINFO) {
          throw new error_1.RFC3161TimestampVerificationError(`incorrect encapsulated content type: ${this.eContentType}`);
        }
        this.tstInfo.verify(data);
        this.verifyMessageDigest();
        this.verifySignature(publicKey);
      }
      verifyMessageDigest() {
        const tstInfoDigest = crypto.digest(this.signerDigestAlgorithm, this.tstInfo.raw);
        const expectedDigest = this.messageDigestAttributeObj.subs[1].subs[0].value;
        if (!crypto.bufferEqual(tstInfoDigest, expectedDigest)) {
          throw new error_1.RFC3161TimestampVerificationError("signed data does not match tstInfo");
        }
      }
      verifySignature(key) {
        const signedAttrs = this.signedAttrsObj.toDER();
        signedAttrs[0] = 49;
        const verified = crypto.verify(signedAttrs, key, this.signatureValue, this.signatureAlgorithm);
        if (!verified) {
          throw new error_1.RFC3161TimestampVerificationError("signature verification failed");
        }
      }
      // https://www.rfc-editor.org/rfc/rfc3161#section-2.4.2
      get pkiStatusInfoObj() {
        return this.root.subs[0];
      }
      // https://www.rfc-editor.org/rfc/rfc3161#section-2.4.2
      get timeStampTokenObj() {
        return this.root.subs[1];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-3
      get contentTypeObj() {
        return this.timeStampTokenObj.subs[0];
      }
      // https://www.rfc-editor.org/rfc/rfc5652#section-3
      get signedDataObj() {
        const obj = this.timeStampTokenObj.subs.find((sub) => sub.tag.isContextSpecific(0));
        return obj.subs[0];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.1
      get encapContentInfoObj() {
        return this.signedDataObj.subs[2];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.1
      get signerInfosObj() {
        const sd = this.signedDataObj;
        return sd.subs[sd.subs.length - 1];
      }
      // https://www.rfc-editor.org/rfc/rfc5652#section-5.1
      get signerInfoObj() {
        return this.signerInfosObj.subs[0];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.2
      get eContentTypeObj() {
        return this.encapContentInfoObj.subs[0];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.2
      get eContentObj() {
        return this.encapContentInfoObj.subs[1];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.3
      get signedAttrsObj() {
        const signedAttrs = this.signerInfoObj.subs.find((sub) => sub.tag.isContextSpecific(0));
        return signedAttrs;
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.3
      get messageDigestAttributeObj() {
        const messageDigest = this.signedAttrsObj.subs.find((sub) => sub.subs[0].tag.isOID() && sub.subs[0].toOID() === OID_PKCS9_MESSAGE_DIGEST_KEY);
        return messageDigest;
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.3
      get signerSidObj() {
        return this.signerInfoObj.subs[1];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.3
      get signerDigestAlgorithmObj() {
        return this.signerInfoObj.subs[2];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.3
      get signatureAlgorithmObj() {
        return this.signerInfoObj.subs[4];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.3
      get signatureValueObj() {
        return this.signerInfoObj.subs[5];
      }
    };
    exports.RFC3161Timestamp = RFC3161Timestamp;
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/rfc3161/index.js
var require_rfc3161 = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/rfc3161/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.RFC3161Timestamp = void 0;
    var timestamp_1 = require_timestamp();
    Object.defineProperty(exports, "RFC3161Timestamp", { enumerable: true, get: function() {
      return timestamp_1.RFC3161Timestamp;
    } });
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/x509/sct.js
var require_sct = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/x509/sct.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SignedCertificateTimestamp = void 0;
    var crypto = __importStar(require_crypto2());
    var stream_1 = require_stream();
    var SignedCertificateTimestamp = class _SignedCertificateTimestamp {
      version;
      logID;
      timestamp;
      extensions;
      hashAlgorithm;
      signatureAlgorithm;
      signature;
      constructor(options) {
        this.version = options.version;
        this.logID = options.logID;
        this.timestamp = options.timestamp;
        this.extensions = options.extensions;
        this.hashAlgorithm = options.hashAlgorithm;
        this.signatureAlgorithm = options.signatureAlgorithm;
        this.signature = options.signature;
      }
      get datetime() {
        return new Date(Number(this.timestamp.readBigInt64BE()));
      }
      // Returns the hash algorithm used to generate the SCT's signature.
      // https://www.rfc-editor.org/rfc/rfc5246#section-7.4.1.4.1
      get algorithm() {
        switch (this.hashAlgorithm) {
          /* istanbul ignore next */
          case 0:
            return "none";
          /* istanbul ignore next */
          case 1:
            return "md5";
          /* istanbul ignore next */
          case 2:
            return "sha1";
          /* istanbul ignore next */
          case 3:
            return "sha224";
          case 4:
            return "sha256";
          /* istanbul ignore next */
          case 5:
            return "sha384";
          /* istanbul ignore next */
          case 6:
            return "sha512";
          /* istanbul ignore next */
          default:
            return "unknown";
        }
      }
      verify(preCert, key) {
        const stream = new stream_1.ByteStream();
        stream.appendChar(this.version);
        stream.appendChar(0);
        stream.appendView(this.timestamp);
        stream.appendUint16(1);
        stream.appendView(preCert);
        stream.appendUint16(this.extensions.byteLength);
        if (this.extensions.byteLength > 0) {
          stream.appendView(this.extensions);
        }
        return crypto.verify(stream.buffer, key, this.signature, this.algorithm);
      }
      // Parses a SignedCertificateTimestamp from a buffer. SCTs are encoded using
      // TLS encoding which means the fields and lengths of most fields are
      // specified as part of the SCT and TLS specs.
      // https://www.rfc-editor.org/rfc/rfc6962#section-3.2
      // https://www.rfc-editor.org/rfc/rfc5246#section-7.4.1.4.1
      static parse(buf) {
        const stream = new stream_1.ByteStream(buf);
        const version = stream.getUint8();
        const logID = stream.getBlock(32);
        const timestamp = stream.getBlock(8);
        const extenstionLength = stream.getUint16();
        const extensions = stream.getBlock(extenstionLength);
        const hashAlgorithm = stream.getUint8();
        const signatureAlgorithm = stream.getUint8();
        const sigLength = stream.getUint16();
        const signature = stream.getBlock(sigLength);
        if (stream.position !== buf.length) {
          throw new Error("SCT buffer length mismatch");
        }
        return new _SignedCertificateTimestamp({
          version,
          logID,
          timestamp,
          extensions,
          hashAlgorithm,
          signatureAlgorithm,
          signature
        });
      }
    };
    exports.SignedCertificateTimestamp = SignedCertificateTimestamp;
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/x509/ext.js
var require_ext = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/x509/ext.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.X509SCTExtension = exports.X509SubjectKeyIDExtension = exports.X509AuthorityKeyIDExtension = exports.X509SubjectAlternativeNameExtension = exports.X509KeyUsageExtension = exports.X509BasicConstraintsExtension = exports.X509Extension = void 0;
    var stream_1 = require_stream();
    var sct_1 = require_sct();
    var X509Extension = class {
      root;
      constructor(asn1) {
        this.root = asn1;
      }
      get oid() {
        return this.root.subs[0].toOID();
      }
      get critical() {
        return this.root.subs.length === 3 ? this.root.subs[1].toBoolean() : false;
      }
      get value() {
        return this.extnValueObj.value;
      }
      get valueObj() {
        return this.extnValueObj;
      }
      get extnValueObj() {
        return this.root.subs[this.root.subs.length - 1];
      }
    };
    exports.X509Extension = X509Extension;
    var X509BasicConstraintsExtension = class extends X509Extension {
      get isCA() {
        return this.sequence.subs[0]?.toBoolean() ?? false;
      }
      get pathLenConstraint() {
        return this.sequence.subs.length > 1 ? this.sequence.subs[1].toInteger() : void 0;
      }
      // The extnValue field contains a single sequence wrapping the isCA and
      // pathLenConstraint.
      get sequence() {
        return this.extnValueObj.subs[0];
      }
    };
    exports.X509BasicConstraintsExtension = X509BasicConstraintsExtension;
    var X509KeyUsageExtension = class extends X509Extension {
      get digitalSignature() {
        return this.bitString[0] === 1;
      }
      get keyCertSign() {
        return this.bitString[5] === 1;
      }
      get crlSign() {
        return this.bitString[6] === 1;
      }
      // The extnValue field contains a single bit string which is a bit mask
      // indicating which key usages are enabled.
      get bitString() {
        return this.extnValueObj.subs[0].toBitString();
      }
    };
    exports.X509KeyUsageExtension = X509KeyUsageExtension;
    var X509SubjectAlternativeNameExtension = class extends X509Extension {
      get rfc822Name() {
        return this.findGeneralName(1)?.value.toString("ascii");
      }
      get uri() {
        return this.findGeneralName(6)?.value.toString("ascii");
      }
      // Retrieve the value of an otherName with the given OID.
      otherName(oid) {
        const otherName = this.findGeneralName(0);
        if (otherName === void 0) {
          return void 0;
        }
        const otherNameOID = otherName.subs[0].toOID();
        if (otherNameOID !== oid) {
          return void 0;
        }
        const otherNameValue = otherName.subs[1];
        return otherNameValue.subs[0].value.toString("ascii");
      }
      findGeneralName(tag) {
        return this.generalNames.find((gn) => gn.tag.isContextSpecific(tag));
      }
      // The extnValue field contains a sequence of GeneralNames.
      get generalNames() {
        return this.extnValueObj.subs[0].subs;
      }
    };
    exports.X509SubjectAlternativeNameExtension = X509SubjectAlternativeNameExtension;
    var X509AuthorityKeyIDExtension = class extends X509Extension {
      get keyIdentifier() {
        return this.findSequenceMember(0)?.value;
      }
      findSequenceMember(tag) {
        return this.sequence.subs.find((el) => el.tag.isContextSpecific(tag));
      }
      // The extnValue field contains a single sequence wrapping the keyIdentifier
      get sequence() {
        return this.extnValueObj.subs[0];
      }
    };
    exports.X509AuthorityKeyIDExtension = X509AuthorityKeyIDExtension;
    var X509SubjectKeyIDExtension = class extends X509Extension {
      get keyIdentifier() {
        return this.extnValueObj.subs[0].value;
      }
    };
    exports.X509SubjectKeyIDExtension = X509SubjectKeyIDExtension;
    var X509SCTExtension = class extends X509Extension {
      constructor(asn1) {
        super(asn1);
      }
      get signedCertificateTimestamps() {
        const buf = this.extnValueObj.subs[0].value;
        const stream = new stream_1.ByteStream(buf);
        const end = stream.getUint16() + 2;
        const sctList = [];
        while (stream.position < end) {
          const sctLength = stream.getUint16();
          const sct = stream.getBlock(sctLength);
          sctList.push(sct_1.SignedCertificateTimestamp.parse(sct));
        }
        if (stream.position !== end) {
          throw new Error("SCT list length does not match actual length");
        }
        return sctList;
      }
    };
    exports.X509SCTExtension = X509SCTExtension;
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/x509/cert.js
var require_cert = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/x509/cert.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.X509Certificate = exports.EXTENSION_OID_SCT = void 0;
    var asn1_1 = require_asn1();
    var crypto = __importStar(require_crypto2());
    var oid_1 = require_oid();
    var pem = __importStar(require_pem());
    var ext_1 = require_ext();
    var EXTENSION_OID_SUBJECT_KEY_ID = "2.5.29.14";
    var EXTENSION_OID_KEY_USAGE = "2.5.29.15";
    var EXTENSION_OID_SUBJECT_ALT_NAME = "2.5.29.17";
    var EXTENSION_OID_BASIC_CONSTRAINTS = "2.5.29.19";
    var EXTENSION_OID_AUTHORITY_KEY_ID = "2.5.29.35";
    exports.EXTENSION_OID_SCT = "1.3.6.1.4.1.11129.2.4.2";
    var X509Certificate2 = class _X509Certificate {
      root;
      constructor(asn1) {
        this.root = asn1;
      }
      static parse(cert) {
        const der = typeof cert === "string" ? pem.toDER(cert) : cert;
        const asn1 = asn1_1.ASN1Obj.parseBuffer(der);
        return new _X509Certificate(asn1);
      }
      get tbsCertificate() {
        return this.tbsCertificateObj;
      }
      get version() {
        const ver = this.versionObj.subs[0].toInteger();
        return `v${(ver + BigInt(1)).toString()}`;
      }
      get serialNumber() {
        return this.serialNumberObj.value;
      }
      get notBefore() {
        return this.validityObj.subs[0].toDate();
      }
      get notAfter() {
        return this.validityObj.subs[1].toDate();
      }
      get issuer() {
        return this.issuerObj.value;
      }
      get subject() {
        return this.subjectObj.value;
      }
      get publicKey() {
        return this.subjectPublicKeyInfoObj.toDER();
      }
      get signatureAlgorithm() {
        const oid = this.signatureAlgorithmObj.subs[0].toOID();
        if (oid_1.RSA_SIGNATURE_ALGOS[oid]) {
          return oid_1.RSA_SIGNATURE_ALGOS[oid];
        }
        return oid_1.ECDSA_SIGNATURE_ALGOS[oid];
      }
      get signatureValue() {
        return this.signatureValueObj.value.subarray(1);
      }
      get subjectAltName() {
        const ext = this.extSubjectAltName;
        return ext?.uri || /* istanbul ignore next */
        ext?.rfc822Name;
      }
      get extensions() {
        const extSeq = this.extensionsObj?.subs[0];
        return extSeq?.subs || [];
      }
      get extKeyUsage() {
        const ext = this.findExtension(EXTENSION_OID_KEY_USAGE);
        return ext ? new ext_1.X509KeyUsageExtension(ext) : void 0;
      }
      get extBasicConstraints() {
        const ext = this.findExtension(EXTENSION_OID_BASIC_CONSTRAINTS);
        return ext ? new ext_1.X509BasicConstraintsExtension(ext) : void 0;
      }
      get extSubjectAltName() {
        const ext = this.findExtension(EXTENSION_OID_SUBJECT_ALT_NAME);
        return ext ? new ext_1.X509SubjectAlternativeNameExtension(ext) : void 0;
      }
      get extAuthorityKeyID() {
        const ext = this.findExtension(EXTENSION_OID_AUTHORITY_KEY_ID);
        return ext ? new ext_1.X509AuthorityKeyIDExtension(ext) : void 0;
      }
      get extSubjectKeyID() {
        const ext = this.findExtension(EXTENSION_OID_SUBJECT_KEY_ID);
        return ext ? new ext_1.X509SubjectKeyIDExtension(ext) : (
          /* istanbul ignore next */
          void 0
        );
      }
      get extSCT() {
        const ext = this.findExtension(exports.EXTENSION_OID_SCT);
        return ext ? new ext_1.X509SCTExtension(ext) : void 0;
      }
      get isCA() {
        const ca = this.extBasicConstraints?.isCA || false;
        if (this.extKeyUsage) {
          return ca && this.extKeyUsage.keyCertSign;
        }
        return ca;
      }
      extension(oid) {
        const ext = this.findExtension(oid);
        return ext ? new ext_1.X509Extension(ext) : void 0;
      }
      verify(issuerCertificate) {
        const publicKey = issuerCertificate?.publicKey || this.publicKey;
        const key = crypto.createPublicKey(publicKey);
        return crypto.verify(this.tbsCertificate.toDER(), key, this.signatureValue, this.signatureAlgorithm);
      }
      validForDate(date) {
        return this.notBefore <= date && date <= this.notAfter;
      }
      equals(other) {
        return this.root.toDER().equals(other.root.toDER());
      }
      // Creates a copy of the certificate with a new buffer
      clone() {
        const der = this.root.toDER();
        const clone = Buffer.alloc(der.length);
        der.copy(clone);
        return _X509Certificate.parse(clone);
      }
      findExtension(oid) {
        return this.extensions.find((ext) => ext.subs[0].toOID() === oid);
      }
      /////////////////////////////////////////////////////////////////////////////
      // The following properties use the documented x509 structure to locate the
      // desired ASN.1 object
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.1.1
      get tbsCertificateObj() {
        return this.root.subs[0];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.1.2
      get signatureAlgorithmObj() {
        return this.root.subs[1];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.1.3
      get signatureValueObj() {
        return this.root.subs[2];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.1
      get versionObj() {
        return this.tbsCertificateObj.subs[0];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.2
      get serialNumberObj() {
        return this.tbsCertificateObj.subs[1];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.4
      get issuerObj() {
        return this.tbsCertificateObj.subs[3];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5
      get validityObj() {
        return this.tbsCertificateObj.subs[4];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.6
      get subjectObj() {
        return this.tbsCertificateObj.subs[5];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.7
      get subjectPublicKeyInfoObj() {
        return this.tbsCertificateObj.subs[6];
      }
      // Extensions can't be located by index because their position varies. Instead,
      // we need to find the extensions context specific tag
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.9
      get extensionsObj() {
        return this.tbsCertificateObj.subs.find((sub) => sub.tag.isContextSpecific(3));
      }
    };
    exports.X509Certificate = X509Certificate2;
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/x509/index.js
var require_x509 = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/x509/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.X509SCTExtension = exports.X509Certificate = exports.EXTENSION_OID_SCT = void 0;
    var cert_1 = require_cert();
    Object.defineProperty(exports, "EXTENSION_OID_SCT", { enumerable: true, get: function() {
      return cert_1.EXTENSION_OID_SCT;
    } });
    Object.defineProperty(exports, "X509Certificate", { enumerable: true, get: function() {
      return cert_1.X509Certificate;
    } });
    var ext_1 = require_ext();
    Object.defineProperty(exports, "X509SCTExtension", { enumerable: true, get: function() {
      return ext_1.X509SCTExtension;
    } });
  }
});

// node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/index.js
var require_dist3 = __commonJS({
  "node_modules/.pnpm/@sigstore+core@4.0.1/node_modules/@sigstore/core/dist/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.X509SCTExtension = exports.X509Certificate = exports.EXTENSION_OID_SCT = exports.ByteStream = exports.RFC3161Timestamp = exports.pem = exports.json = exports.encoding = exports.dsse = exports.crypto = exports.ASN1Obj = void 0;
    var asn1_1 = require_asn1();
    Object.defineProperty(exports, "ASN1Obj", { enumerable: true, get: function() {
      return asn1_1.ASN1Obj;
    } });
    exports.crypto = __importStar(require_crypto2());
    exports.dsse = __importStar(require_dsse());
    exports.encoding = __importStar(require_encoding());
    exports.json = __importStar(require_json());
    exports.pem = __importStar(require_pem());
    var rfc3161_1 = require_rfc3161();
    Object.defineProperty(exports, "RFC3161Timestamp", { enumerable: true, get: function() {
      return rfc3161_1.RFC3161Timestamp;
    } });
    var stream_1 = require_stream();
    Object.defineProperty(exports, "ByteStream", { enumerable: true, get: function() {
      return stream_1.ByteStream;
    } });
    var x509_1 = require_x509();
    Object.defineProperty(exports, "EXTENSION_OID_SCT", { enumerable: true, get: function() {
      return x509_1.EXTENSION_OID_SCT;
    } });
    Object.defineProperty(exports, "X509Certificate", { enumerable: true, get: function() {
      return x509_1.X509Certificate;
    } });
    Object.defineProperty(exports, "X509SCTExtension", { enumerable: true, get: function() {
      return x509_1.X509SCTExtension;
    } });
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/bundle/dsse.js
var require_dsse2 = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/bundle/dsse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DSSESignatureContent = void 0;
    var core_1 = require_dist3();
    var DSSESignatureContent = class {
      env;
      constructor(env) {
        this.env = env;
      }
      compareDigest(digest) {
        return core_1.crypto.bufferEqual(digest, core_1.crypto.digest("sha256", this.env.payload));
      }
      // For a DSSE envelope the signature is computed over the pre-authentication
      // encoding (PAE), so the digest of the signed bytes is the digest of the PAE.
      // This is what a Rekor v2 hashedrekord entry records for a DSSE envelope.
      compareSignedDigest(digest) {
        return core_1.crypto.bufferEqual(digest, core_1.crypto.digest("sha256", this.preAuthEncoding));
      }
      compareSignature(signature) {
        return core_1.crypto.bufferEqual(signature, this.signature);
      }
      verifySignature(key) {
        return core_1.crypto.verify(this.preAuthEncoding, key, this.signature);
      }
      get signature() {
        return this.env.signatures.length > 0 ? this.env.signatures[0].sig : Buffer.from("");
      }
      // DSSE Pre-Authentication Encoding
      get preAuthEncoding() {
        return core_1.dsse.preAuthEncoding(this.env.payloadType, this.env.payload);
      }
    };
    exports.DSSESignatureContent = DSSESignatureContent;
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/bundle/message.js
var require_message = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/bundle/message.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MessageSignatureContent = void 0;
    var core_1 = require_dist3();
    var protobuf_specs_1 = require_dist();
    var HASH_ALGORITHM_MAP = {
      [protobuf_specs_1.HashAlgorithm.HASH_ALGORITHM_UNSPECIFIED]: "sha256",
      [protobuf_specs_1.HashAlgorithm.SHA2_256]: "sha256",
      [protobuf_specs_1.HashAlgorithm.SHA2_384]: "sha384",
      [protobuf_specs_1.HashAlgorithm.SHA2_512]: "sha512",
      [protobuf_specs_1.HashAlgorithm.SHA3_256]: "sha3-256",
      [protobuf_specs_1.HashAlgorithm.SHA3_384]: "sha3-384"
    };
    var MessageSignatureContent = class {
      signature;
      messageDigest;
      artifact;
      hashAlgorithm;
      constructor(messageSignature, artifact) {
        this.signature = messageSignature.signature;
        this.messageDigest = messageSignature.messageDigest.digest;
        this.artifact = artifact;
        this.hashAlgorithm = HASH_ALGORITHM_MAP[messageSignature.messageDigest.algorithm] ?? /* istanbul ignore next */
        "sha256";
      }
      compareSignature(signature) {
        return core_1.crypto.bufferEqual(signature, this.signature);
      }
      compareDigest(digest) {
        return core_1.crypto.bufferEqual(digest, this.messageDigest);
      }
      // For a message signature the signature is computed over the artifact, so the
      // digest of the signed bytes is the artifact's message digest.
      compareSignedDigest(digest) {
        return this.compareDigest(digest);
      }
      verifySignature(key) {
        return core_1.crypto.verify(this.artifact, key, this.signature, this.hashAlgorithm);
      }
    };
    exports.MessageSignatureContent = MessageSignatureContent;
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/bundle/index.js
var require_bundle2 = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/bundle/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toSignedEntity = toSignedEntity2;
    exports.signatureContent = signatureContent;
    var core_1 = require_dist3();
    var dsse_1 = require_dsse2();
    var message_1 = require_message();
    function toSignedEntity2(bundle, artifact) {
      const { tlogEntries, timestampVerificationData } = bundle.verificationMaterial;
      const timestamps = [];
      for (const entry of tlogEntries) {
        if (entry.integratedTime && entry.integratedTime !== "0") {
          timestamps.push({
            $case: "transparency-log",
            tlogEntry: entry
          });
        }
      }
      for (const ts of timestampVerificationData?.rfc3161Timestamps ?? []) {
        timestamps.push({
          $case: "timestamp-authority",
          timestamp: core_1.RFC3161Timestamp.parse(Buffer.from(ts.signedTimestamp))
        });
      }
      return {
        signature: signatureContent(bundle, artifact),
        key: key(bundle),
        tlogEntries,
        timestamps
      };
    }
    function signatureContent(bundle, artifact) {
      switch (bundle.content.$case) {
        case "dsseEnvelope":
          return new dsse_1.DSSESignatureContent(bundle.content.dsseEnvelope);
        case "messageSignature":
          return new message_1.MessageSignatureContent(bundle.content.messageSignature, artifact);
      }
    }
    function key(bundle) {
      switch (bundle.verificationMaterial.content.$case) {
        case "publicKey":
          return {
            $case: "public-key",
            hint: bundle.verificationMaterial.content.publicKey.hint
          };
        case "x509CertificateChain":
          return {
            $case: "certificate",
            certificate: core_1.X509Certificate.parse(Buffer.from(bundle.verificationMaterial.content.x509CertificateChain.certificates[0].rawBytes))
          };
        case "certificate":
          return {
            $case: "certificate",
            certificate: core_1.X509Certificate.parse(Buffer.from(bundle.verificationMaterial.content.certificate.rawBytes))
          };
      }
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/error.js
var require_error4 = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PolicyError = exports.VerificationError = void 0;
    var BaseError = class extends Error {
      code;
      cause;
      /* eslint-disable-line @typescript-eslint/no-explicit-any */
      constructor({ code, message, cause }) {
        super(message);
        this.code = code;
        this.cause = cause;
        this.name = this.constructor.name;
      }
    };
    var VerificationError = class extends BaseError {
    };
    exports.VerificationError = VerificationError;
    var PolicyError = class extends BaseError {
    };
    exports.PolicyError = PolicyError;
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/trust/filter.js
var require_filter = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/trust/filter.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.filterCertAuthorities = filterCertAuthorities;
    exports.filterTLogAuthorities = filterTLogAuthorities;
    function filterCertAuthorities(certAuthorities, timestamp) {
      return certAuthorities.filter((ca) => {
        return ca.validFor.start <= timestamp && ca.validFor.end >= timestamp;
      });
    }
    function filterTLogAuthorities(tlogAuthorities, criteria) {
      return tlogAuthorities.filter((tlog) => {
        if (criteria.logID && !tlog.logID.equals(criteria.logID)) {
          return false;
        }
        return tlog.validFor.start <= criteria.targetDate && criteria.targetDate <= tlog.validFor.end;
      });
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/trust/index.js
var require_trust = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/trust/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.filterTLogAuthorities = exports.filterCertAuthorities = void 0;
    exports.toTrustMaterial = toTrustMaterial2;
    var core_1 = require_dist3();
    var protobuf_specs_1 = require_dist();
    var error_1 = require_error4();
    var BEGINNING_OF_TIME = /* @__PURE__ */ new Date(0);
    var END_OF_TIME = /* @__PURE__ */ new Date(864e13);
    var filter_1 = require_filter();
    Object.defineProperty(exports, "filterCertAuthorities", { enumerable: true, get: function() {
      return filter_1.filterCertAuthorities;
    } });
    Object.defineProperty(exports, "filterTLogAuthorities", { enumerable: true, get: function() {
      return filter_1.filterTLogAuthorities;
    } });
    function toTrustMaterial2(root, keys) {
      const keyFinder = typeof keys === "function" ? keys : keyLocator(keys);
      return {
        certificateAuthorities: root.certificateAuthorities.map(createCertAuthority),
        timestampAuthorities: root.timestampAuthorities.map(createCertAuthority),
        tlogs: root.tlogs.map(createTLogAuthority),
        ctlogs: root.ctlogs.map(createTLogAuthority),
        publicKey: keyFinder
      };
    }
    function createTLogAuthority(tlogInstance) {
      const keyDetails = tlogInstance.publicKey.keyDetails;
      const keyType = keyDetails === protobuf_specs_1.PublicKeyDetails.PKCS1_RSA_PKCS1V5 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V5 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V15_3072_SHA256 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V15_4096_SHA256 ? "pkcs1" : "spki";
      return {
        baseURL: tlogInstance.baseUrl,
        logID: tlogInstance.checkpointKeyId ? tlogInstance.checkpointKeyId.keyId : tlogInstance.logId.keyId,
        publicKey: core_1.crypto.createPublicKey(tlogInstance.publicKey.rawBytes, keyType),
        validFor: {
          start: tlogInstance.publicKey.validFor?.start || BEGINNING_OF_TIME,
          end: tlogInstance.publicKey.validFor?.end || END_OF_TIME
        }
      };
    }
    function createCertAuthority(ca) {
      return {
        certChain: ca.certChain.certificates.map((cert) => {
          return core_1.X509Certificate.parse(Buffer.from(cert.rawBytes));
        }),
        validFor: {
          start: ca.validFor?.start || BEGINNING_OF_TIME,
          end: ca.validFor?.end || END_OF_TIME
        }
      };
    }
    function keyLocator(keys) {
      return (hint) => {
        const key = (keys || {})[hint];
        if (!key) {
          throw new error_1.VerificationError({
            code: "PUBLIC_KEY_ERROR",
            message: `key not found: ${hint}`
          });
        }
        return {
          publicKey: core_1.crypto.createPublicKey(key.rawBytes),
          validFor: (date) => {
            return (key.validFor?.start || BEGINNING_OF_TIME) <= date && (key.validFor?.end || END_OF_TIME) >= date;
          }
        };
      };
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/key/certificate.js
var require_certificate = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/key/certificate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CertificateChainVerifier = void 0;
    exports.verifyCertificateChain = verifyCertificateChain;
    var error_1 = require_error4();
    var trust_1 = require_trust();
    function verifyCertificateChain(timestamp, leaf, certificateAuthorities) {
      const cas = (0, trust_1.filterCertAuthorities)(certificateAuthorities, timestamp);
      let error;
      for (const ca of cas) {
        try {
          const verifier = new CertificateChainVerifier({
            trustedCerts: ca.certChain,
            untrustedCert: leaf,
            timestamp
          });
          return verifier.verify();
        } catch (err) {
          error = err;
        }
      }
      throw new error_1.VerificationError({
        code: "CERTIFICATE_ERROR",
        message: "Failed to verify certificate chain",
        cause: error
      });
    }
    var CertificateChainVerifier = class {
      untrustedCert;
      trustedCerts;
      localCerts;
      timestamp;
      constructor(opts) {
        this.untrustedCert = opts.untrustedCert;
        this.trustedCerts = opts.trustedCerts;
        this.localCerts = dedupeCertificates([
          ...opts.trustedCerts,
          opts.untrustedCert
        ]);
        this.timestamp = opts.timestamp;
      }
      verify() {
        const certificatePath = this.sort();
        this.checkPath(certificatePath);
        const validForDate = certificatePath.every((cert) => cert.validForDate(this.timestamp));
        if (!validForDate) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "certificate is not valid or expired at the specified date"
          });
        }
        return certificatePath;
      }
      sort() {
        const leafCert = this.untrustedCert;
        let paths = this.buildPaths(leafCert);
        paths = paths.filter((path2) => path2.some((cert) => this.trustedCerts.includes(cert)));
        if (paths.length === 0) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "no trusted certificate path found"
          });
        }
        const path = paths.reduce((prev, curr) => prev.length < curr.length ? prev : curr);
        return [leafCert, ...path].slice(0, -1);
      }
      // Recursively build all possible paths from the leaf to the root
      buildPaths(certificate) {
        const paths = [];
        const issuers = this.findIssuer(certificate);
        if (issuers.length === 0) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "no valid certificate path found"
          });
        }
        for (let i = 0; i < issuers.length; i++) {
          const issuer = issuers[i];
          if (issuer.equals(certificate)) {
            paths.push([certificate]);
            continue;
          }
          const subPaths = this.buildPaths(issuer);
          for (let j = 0; j < subPaths.length; j++) {
            paths.push([issuer, ...subPaths[j]]);
          }
        }
        return paths;
      }
      // Return all possible issuers for the given certificate
      findIssuer(certificate) {
        let issuers = [];
        let keyIdentifier;
        if (certificate.subject.equals(certificate.issuer)) {
          if (certificate.verify()) {
            return [certificate];
          }
        }
        if (certificate.extAuthorityKeyID) {
          keyIdentifier = certificate.extAuthorityKeyID.keyIdentifier;
        }
        this.localCerts.forEach((possibleIssuer) => {
          if (keyIdentifier) {
            if (possibleIssuer.extSubjectKeyID) {
              if (possibleIssuer.extSubjectKeyID.keyIdentifier.equals(keyIdentifier)) {
                issuers.push(possibleIssuer);
              }
              return;
            }
          }
          if (possibleIssuer.subject.equals(certificate.issuer)) {
            issuers.push(possibleIssuer);
          }
        });
        issuers = issuers.filter((issuer) => {
          try {
            return certificate.verify(issuer);
          } catch (ex) {
            return false;
          }
        });
        return issuers;
      }
      checkPath(path) {
        if (path.length < 1) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "certificate chain must contain at least one certificate"
          });
        }
        const validCAs = path.slice(1).every((cert) => cert.isCA);
        if (!validCAs) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "intermediate certificate is not a CA"
          });
        }
        for (let i = path.length - 2; i >= 0; i--) {
          if (!path[i].issuer.equals(path[i + 1].subject)) {
            throw new error_1.VerificationError({
              code: "CERTIFICATE_ERROR",
              message: "incorrect certificate name chaining"
            });
          }
        }
        for (let i = 0; i < path.length; i++) {
          const cert = path[i];
          if (cert.extBasicConstraints?.isCA) {
            const pathLength = cert.extBasicConstraints.pathLenConstraint;
            if (pathLength !== void 0 && pathLength < i - 1) {
              throw new error_1.VerificationError({
                code: "CERTIFICATE_ERROR",
                message: "path length constraint exceeded"
              });
            }
          }
        }
      }
    };
    exports.CertificateChainVerifier = CertificateChainVerifier;
    function dedupeCertificates(certs) {
      for (let i = 0; i < certs.length; i++) {
        for (let j = i + 1; j < certs.length; j++) {
          if (certs[i].equals(certs[j])) {
            certs.splice(j, 1);
            j--;
          }
        }
      }
      return certs;
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/key/sct.js
var require_sct2 = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/key/sct.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifySCTs = verifySCTs;
    var core_1 = require_dist3();
    var error_1 = require_error4();
    var trust_1 = require_trust();
    function verifySCTs(cert, issuer, ctlogs) {
      let extSCT;
      const clone = cert.clone();
      for (let i = 0; i < clone.extensions.length; i++) {
        const ext = clone.extensions[i];
        if (ext.subs[0].toOID() === core_1.EXTENSION_OID_SCT) {
          extSCT = new core_1.X509SCTExtension(ext);
          clone.extensions.splice(i, 1);
          break;
        }
      }
      if (!extSCT) {
        return [];
      }
      if (extSCT.signedCertificateTimestamps.length === 0) {
        return [];
      }
      const preCert = new core_1.ByteStream();
      const issuerId = core_1.crypto.digest("sha256", issuer.publicKey);
      preCert.appendView(issuerId);
      const tbs = clone.tbsCertificate.toDER();
      preCert.appendUint24(tbs.length);
      preCert.appendView(tbs);
      return extSCT.signedCertificateTimestamps.map((sct) => {
        const validCTLogs = (0, trust_1.filterTLogAuthorities)(ctlogs, {
          logID: sct.logID,
          targetDate: sct.datetime
        });
        const verified = validCTLogs.some((log) => sct.verify(preCert.buffer, log.publicKey));
        if (!verified) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "SCT verification failed"
          });
        }
        return sct.logID;
      });
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/key/index.js
var require_key = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/key/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyPublicKey = verifyPublicKey;
    exports.verifyCertificate = verifyCertificate;
    var core_1 = require_dist3();
    var error_1 = require_error4();
    var certificate_1 = require_certificate();
    var sct_1 = require_sct2();
    var OID_FULCIO_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
    var OID_FULCIO_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
    function verifyPublicKey(hint, timestamps, trustMaterial) {
      const key = trustMaterial.publicKey(hint);
      timestamps.forEach((timestamp) => {
        if (!key.validFor(timestamp)) {
          throw new error_1.VerificationError({
            code: "PUBLIC_KEY_ERROR",
            message: `Public key is not valid for timestamp: ${timestamp.toISOString()}`
          });
        }
      });
      return { key: key.publicKey };
    }
    function verifyCertificate(leaf, timestamps, trustMaterial) {
      let path = [];
      timestamps.forEach((timestamp) => {
        path = (0, certificate_1.verifyCertificateChain)(timestamp, leaf, trustMaterial.certificateAuthorities);
      });
      return {
        scts: (0, sct_1.verifySCTs)(path[0], path[1], trustMaterial.ctlogs),
        signer: getSigner(path[0])
      };
    }
    function getSigner(cert) {
      let issuer;
      const issuerExtension = cert.extension(OID_FULCIO_ISSUER_V2);
      if (issuerExtension) {
        issuer = issuerExtension.valueObj.subs?.[0]?.value.toString("ascii");
      } else {
        issuer = cert.extension(OID_FULCIO_ISSUER_V1)?.value.toString("ascii");
      }
      const oids = cert.extensions.map((ext) => {
        const oid = ext.subs[0].toOID();
        return {
          oid: { id: oid.split(".").map(Number) },
          value: ext.subs[ext.subs.length - 1].value
        };
      });
      const identity = {
        extensions: { issuer },
        subjectAlternativeName: cert.subjectAltName,
        oids
      };
      return {
        key: core_1.crypto.createPublicKey(cert.publicKey),
        identity
      };
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/policy.js
var require_policy = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/policy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifySubjectAlternativeName = verifySubjectAlternativeName;
    exports.verifyExtensions = verifyExtensions;
    exports.verifyOIDs = verifyOIDs;
    var error_1 = require_error4();
    function verifySubjectAlternativeName(policyIdentity, signerIdentity) {
      if (signerIdentity === void 0 || !signerIdentity.match(policyIdentity)) {
        throw new error_1.PolicyError({
          code: "UNTRUSTED_SIGNER_ERROR",
          message: `certificate identity error - expected ${policyIdentity}, got ${signerIdentity}`
        });
      }
    }
    function verifyExtensions(policyExtensions, signerExtensions = {}) {
      let key;
      for (key in policyExtensions) {
        if (signerExtensions[key] !== policyExtensions[key]) {
          throw new error_1.PolicyError({
            code: "UNTRUSTED_SIGNER_ERROR",
            message: `invalid certificate extension - expected ${key}=${policyExtensions[key]}, got ${key}=${signerExtensions[key]}`
          });
        }
      }
    }
    function verifyOIDs(policyOIDs, signerOIDs = []) {
      for (const policyOID of policyOIDs) {
        const match = signerOIDs.find((signerOID) => oidEquals(policyOID.oid?.id, signerOID.oid?.id) && policyOID.value.equals(signerOID.value));
        if (!match) {
          const oid = policyOID.oid?.id.join(".") ?? "<unknown>";
          throw new error_1.PolicyError({
            code: "UNTRUSTED_SIGNER_ERROR",
            message: `invalid certificate extension - missing OID ${oid}`
          });
        }
      }
    }
    function oidEquals(a, b) {
      if (a === void 0 || b === void 0) {
        return false;
      }
      return a.length === b.length && a.every((v, i) => v === b[i]);
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/timestamp/tsa.js
var require_tsa = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/timestamp/tsa.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyRFC3161Timestamp = verifyRFC3161Timestamp;
    var core_1 = require_dist3();
    var error_1 = require_error4();
    var certificate_1 = require_certificate();
    var trust_1 = require_trust();
    function verifyRFC3161Timestamp(timestamp, data, timestampAuthorities) {
      const signingTime = timestamp.signingTime;
      timestampAuthorities = (0, trust_1.filterCertAuthorities)(timestampAuthorities, signingTime);
      timestampAuthorities = filterCAsBySerialAndIssuer(timestampAuthorities, {
        serialNumber: timestamp.signerSerialNumber,
        issuer: timestamp.signerIssuer
      });
      const verified = timestampAuthorities.some((ca) => {
        try {
          verifyTimestampForCA(timestamp, data, ca);
          return true;
        } catch (e) {
          return false;
        }
      });
      if (!verified) {
        throw new error_1.VerificationError({
          code: "TIMESTAMP_ERROR",
          message: "timestamp could not be verified"
        });
      }
    }
    function verifyTimestampForCA(timestamp, data, ca) {
      const [leaf, ...cas] = ca.certChain;
      const signingKey = core_1.crypto.createPublicKey(leaf.publicKey);
      const signingTime = timestamp.signingTime;
      try {
        new certificate_1.CertificateChainVerifier({
          untrustedCert: leaf,
          trustedCerts: cas,
          timestamp: signingTime
        }).verify();
      } catch (e) {
        throw new error_1.VerificationError({
          code: "TIMESTAMP_ERROR",
          message: "invalid certificate chain"
        });
      }
      timestamp.verify(data, signingKey);
    }
    function filterCAsBySerialAndIssuer(timestampAuthorities, criteria) {
      return timestampAuthorities.filter((ca) => ca.certChain.length > 0 && core_1.crypto.bufferEqual(ca.certChain[0].serialNumber, criteria.serialNumber) && core_1.crypto.bufferEqual(ca.certChain[0].issuer, criteria.issuer));
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/timestamp/index.js
var require_timestamp2 = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/timestamp/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getTSATimestamp = getTSATimestamp;
    exports.getTLogTimestamp = getTLogTimestamp;
    var tsa_1 = require_tsa();
    function getTSATimestamp(timestamp, data, timestampAuthorities) {
      (0, tsa_1.verifyRFC3161Timestamp)(timestamp, data, timestampAuthorities);
      return {
        type: "timestamp-authority",
        logID: timestamp.signerSerialNumber,
        timestamp: timestamp.signingTime
      };
    }
    function getTLogTimestamp(entry) {
      if (!entry.inclusionPromise) {
        return void 0;
      }
      return {
        type: "transparency-log",
        logID: entry.logId.keyId,
        timestamp: new Date(Number(entry.integratedTime) * 1e3)
      };
    }
  }
});

// node_modules/.pnpm/@sigstore+protobuf-specs@0.5.2/node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/verifier.js
var require_verifier = __commonJS({
  "node_modules/.pnpm/@sigstore+protobuf-specs@0.5.2/node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/verifier.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Signature = exports.Verifier = exports.PublicKey = void 0;
    var sigstore_common_1 = require_sigstore_common();
    exports.PublicKey = {
      fromJSON(object) {
        return { rawBytes: isSet(object.rawBytes) ? Buffer.from(bytesFromBase64(object.rawBytes)) : Buffer.alloc(0) };
      },
      toJSON(message) {
        const obj = {};
        if (message.rawBytes.length !== 0) {
          obj.rawBytes = base64FromBytes(message.rawBytes);
        }
        return obj;
      }
    };
    exports.Verifier = {
      fromJSON(object) {
        return {
          verifier: isSet(object.publicKey) ? { $case: "publicKey", publicKey: exports.PublicKey.fromJSON(object.publicKey) } : isSet(object.x509Certificate) ? { $case: "x509Certificate", x509Certificate: sigstore_common_1.X509Certificate.fromJSON(object.x509Certificate) } : void 0,
          keyDetails: isSet(object.keyDetails) ? (0, sigstore_common_1.publicKeyDetailsFromJSON)(object.keyDetails) : 0
        };
      },
      toJSON(message) {
        const obj = {};
        if (message.verifier?.$case === "publicKey") {
          obj.publicKey = exports.PublicKey.toJSON(message.verifier.publicKey);
        } else if (message.verifier?.$case === "x509Certificate") {
          obj.x509Certificate = sigstore_common_1.X509Certificate.toJSON(message.verifier.x509Certificate);
        }
        if (message.keyDetails !== 0) {
          obj.keyDetails = (0, sigstore_common_1.publicKeyDetailsToJSON)(message.keyDetails);
        }
        return obj;
      }
    };
    exports.Signature = {
      fromJSON(object) {
        return {
          content: isSet(object.content) ? Buffer.from(bytesFromBase64(object.content)) : Buffer.alloc(0),
          verifier: isSet(object.verifier) ? exports.Verifier.fromJSON(object.verifier) : void 0
        };
      },
      toJSON(message) {
        const obj = {};
        if (message.content.length !== 0) {
          obj.content = base64FromBytes(message.content);
        }
        if (message.verifier !== void 0) {
          obj.verifier = exports.Verifier.toJSON(message.verifier);
        }
        return obj;
      }
    };
    function bytesFromBase64(b64) {
      return Uint8Array.from(globalThis.Buffer.from(b64, "base64"));
    }
    function base64FromBytes(arr) {
      return globalThis.Buffer.from(arr).toString("base64");
    }
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/.pnpm/@sigstore+protobuf-specs@0.5.2/node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/dsse.js
var require_dsse3 = __commonJS({
  "node_modules/.pnpm/@sigstore+protobuf-specs@0.5.2/node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/dsse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DSSELogEntryV002 = exports.DSSERequestV002 = void 0;
    var envelope_1 = require_envelope();
    var sigstore_common_1 = require_sigstore_common();
    var verifier_1 = require_verifier();
    exports.DSSERequestV002 = {
      fromJSON(object) {
        return {
          envelope: isSet(object.envelope) ? envelope_1.Envelope.fromJSON(object.envelope) : void 0,
          verifiers: globalThis.Array.isArray(object?.verifiers) ? object.verifiers.map((e) => verifier_1.Verifier.fromJSON(e)) : []
        };
      },
      toJSON(message) {
        const obj = {};
        if (message.envelope !== void 0) {
          obj.envelope = envelope_1.Envelope.toJSON(message.envelope);
        }
        if (message.verifiers?.length) {
          obj.verifiers = message.verifiers.map((e) => verifier_1.Verifier.toJSON(e));
        }
        return obj;
      }
    };
    exports.DSSELogEntryV002 = {
      fromJSON(object) {
        return {
          payloadHash: isSet(object.payloadHash) ? sigstore_common_1.HashOutput.fromJSON(object.payloadHash) : void 0,
          signatures: globalThis.Array.isArray(object?.signatures) ? object.signatures.map((e) => verifier_1.Signature.fromJSON(e)) : []
        };
      },
      toJSON(message) {
        const obj = {};
        if (message.payloadHash !== void 0) {
          obj.payloadHash = sigstore_common_1.HashOutput.toJSON(message.payloadHash);
        }
        if (message.signatures?.length) {
          obj.signatures = message.signatures.map((e) => verifier_1.Signature.toJSON(e));
        }
        return obj;
      }
    };
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/.pnpm/@sigstore+protobuf-specs@0.5.2/node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/hashedrekord.js
var require_hashedrekord = __commonJS({
  "node_modules/.pnpm/@sigstore+protobuf-specs@0.5.2/node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/hashedrekord.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.HashedRekordLogEntryV002 = exports.HashedRekordRequestV002 = void 0;
    var sigstore_common_1 = require_sigstore_common();
    var verifier_1 = require_verifier();
    exports.HashedRekordRequestV002 = {
      fromJSON(object) {
        return {
          digest: isSet(object.digest) ? Buffer.from(bytesFromBase64(object.digest)) : Buffer.alloc(0),
          signature: isSet(object.signature) ? verifier_1.Signature.fromJSON(object.signature) : void 0
        };
      },
      toJSON(message) {
        const obj = {};
        if (message.digest.length !== 0) {
          obj.digest = base64FromBytes(message.digest);
        }
        if (message.signature !== void 0) {
          obj.signature = verifier_1.Signature.toJSON(message.signature);
        }
        return obj;
      }
    };
    exports.HashedRekordLogEntryV002 = {
      fromJSON(object) {
        return {
          data: isSet(object.data) ? sigstore_common_1.HashOutput.fromJSON(object.data) : void 0,
          signature: isSet(object.signature) ? verifier_1.Signature.fromJSON(object.signature) : void 0
        };
      },
      toJSON(message) {
        const obj = {};
        if (message.data !== void 0) {
          obj.data = sigstore_common_1.HashOutput.toJSON(message.data);
        }
        if (message.signature !== void 0) {
          obj.signature = verifier_1.Signature.toJSON(message.signature);
        }
        return obj;
      }
    };
    function bytesFromBase64(b64) {
      return Uint8Array.from(globalThis.Buffer.from(b64, "base64"));
    }
    function base64FromBytes(arr) {
      return globalThis.Buffer.from(arr).toString("base64");
    }
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/.pnpm/@sigstore+protobuf-specs@0.5.2/node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/entry.js
var require_entry = __commonJS({
  "node_modules/.pnpm/@sigstore+protobuf-specs@0.5.2/node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/entry.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CreateEntryRequest = exports.Spec = exports.Entry = void 0;
    var dsse_1 = require_dsse3();
    var hashedrekord_1 = require_hashedrekord();
    exports.Entry = {
      fromJSON(object) {
        return {
          kind: isSet(object.kind) ? globalThis.String(object.kind) : "",
          apiVersion: isSet(object.apiVersion) ? globalThis.String(object.apiVersion) : "",
          spec: isSet(object.spec) ? exports.Spec.fromJSON(object.spec) : void 0
        };
      },
      toJSON(message) {
        const obj = {};
        if (message.kind !== "") {
          obj.kind = message.kind;
        }
        if (message.apiVersion !== "") {
          obj.apiVersion = message.apiVersion;
        }
        if (message.spec !== void 0) {
          obj.spec = exports.Spec.toJSON(message.spec);
        }
        return obj;
      }
    };
    exports.Spec = {
      fromJSON(object) {
        return {
          spec: isSet(object.hashedRekordV002) ? { $case: "hashedRekordV002", hashedRekordV002: hashedrekord_1.HashedRekordLogEntryV002.fromJSON(object.hashedRekordV002) } : isSet(object.dsseV002) ? { $case: "dsseV002", dsseV002: dsse_1.DSSELogEntryV002.fromJSON(object.dsseV002) } : void 0
        };
      },
      toJSON(message) {
        const obj = {};
        if (message.spec?.$case === "hashedRekordV002") {
          obj.hashedRekordV002 = hashedrekord_1.HashedRekordLogEntryV002.toJSON(message.spec.hashedRekordV002);
        } else if (message.spec?.$case === "dsseV002") {
          obj.dsseV002 = dsse_1.DSSELogEntryV002.toJSON(message.spec.dsseV002);
        }
        return obj;
      }
    };
    exports.CreateEntryRequest = {
      fromJSON(object) {
        return {
          spec: isSet(object.hashedRekordRequestV002) ? {
            $case: "hashedRekordRequestV002",
            hashedRekordRequestV002: hashedrekord_1.HashedRekordRequestV002.fromJSON(object.hashedRekordRequestV002)
          } : isSet(object.dsseRequestV002) ? { $case: "dsseRequestV002", dsseRequestV002: dsse_1.DSSERequestV002.fromJSON(object.dsseRequestV002) } : void 0
        };
      },
      toJSON(message) {
        const obj = {};
        if (message.spec?.$case === "hashedRekordRequestV002") {
          obj.hashedRekordRequestV002 = hashedrekord_1.HashedRekordRequestV002.toJSON(message.spec.hashedRekordRequestV002);
        } else if (message.spec?.$case === "dsseRequestV002") {
          obj.dsseRequestV002 = dsse_1.DSSERequestV002.toJSON(message.spec.dsseRequestV002);
        }
        return obj;
      }
    };
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/.pnpm/@sigstore+protobuf-specs@0.5.2/node_modules/@sigstore/protobuf-specs/dist/rekor/v2/index.js
var require_v2 = __commonJS({
  "node_modules/.pnpm/@sigstore+protobuf-specs@0.5.2/node_modules/@sigstore/protobuf-specs/dist/rekor/v2/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    __exportStar(require_dsse3(), exports);
    __exportStar(require_entry(), exports);
    __exportStar(require_hashedrekord(), exports);
    __exportStar(require_verifier(), exports);
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/dsse.js
var require_dsse4 = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/dsse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DSSE_API_VERSION_V1 = void 0;
    exports.verifyDSSETLogBody = verifyDSSETLogBody;
    exports.verifyDSSETLogBodyV2 = verifyDSSETLogBodyV2;
    var error_1 = require_error4();
    exports.DSSE_API_VERSION_V1 = "0.0.1";
    function verifyDSSETLogBody(tlogEntry, content) {
      switch (tlogEntry.apiVersion) {
        case exports.DSSE_API_VERSION_V1:
          return verifyDSSE001TLogBody(tlogEntry, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported dsse version: ${tlogEntry.apiVersion}`
          });
      }
    }
    function verifyDSSETLogBodyV2(tlogEntry, content) {
      const spec = tlogEntry.spec?.spec;
      if (!spec) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: `missing dsse spec`
        });
      }
      switch (spec.$case) {
        case "dsseV002":
          return verifyDSSE002TLogBody(spec.dsseV002, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported version: ${spec.$case}`
          });
      }
    }
    function verifyDSSE001TLogBody(tlogEntry, content) {
      if (tlogEntry.spec.signatures?.length !== 1) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature count mismatch"
        });
      }
      const tlogSig = tlogEntry.spec.signatures[0].signature;
      if (!content.compareSignature(Buffer.from(tlogSig, "base64")))
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "tlog entry signature mismatch"
        });
      const tlogHash = tlogEntry.spec.payloadHash?.value || "";
      if (!content.compareDigest(Buffer.from(tlogHash, "hex"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "DSSE payload hash mismatch"
        });
      }
    }
    function verifyDSSE002TLogBody(spec, content) {
      if (spec.signatures?.length !== 1) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature count mismatch"
        });
      }
      const tlogSig = spec.signatures[0].content;
      if (!content.compareSignature(tlogSig))
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "tlog entry signature mismatch"
        });
      const tlogHash = spec.payloadHash?.digest || Buffer.from("");
      if (!content.compareDigest(tlogHash)) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "DSSE payload hash mismatch"
        });
      }
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/hashedrekord.js
var require_hashedrekord2 = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/hashedrekord.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.HASHEDREKORD_API_VERSION_V1 = void 0;
    exports.verifyHashedRekordTLogBody = verifyHashedRekordTLogBody;
    exports.verifyHashedRekordTLogBodyV2 = verifyHashedRekordTLogBodyV2;
    var error_1 = require_error4();
    exports.HASHEDREKORD_API_VERSION_V1 = "0.0.1";
    function verifyHashedRekordTLogBody(tlogEntry, content) {
      switch (tlogEntry.apiVersion) {
        case exports.HASHEDREKORD_API_VERSION_V1:
          return verifyHashedrekord001TLogBody(tlogEntry, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported hashedrekord version: ${tlogEntry.apiVersion}`
          });
      }
    }
    function verifyHashedRekordTLogBodyV2(tlogEntry, content) {
      const spec = tlogEntry.spec?.spec;
      if (!spec) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: `missing dsse spec`
        });
      }
      switch (spec.$case) {
        case "hashedRekordV002":
          return verifyHashedrekord002TLogBody(spec.hashedRekordV002, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported version: ${spec.$case}`
          });
      }
    }
    function verifyHashedrekord001TLogBody(tlogEntry, content) {
      const tlogSig = tlogEntry.spec.signature.content || "";
      if (!content.compareSignature(Buffer.from(tlogSig, "base64"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature mismatch"
        });
      }
      const tlogDigest = tlogEntry.spec.data.hash?.value || "";
      if (!content.compareSignedDigest(Buffer.from(tlogDigest, "hex"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "digest mismatch"
        });
      }
    }
    function verifyHashedrekord002TLogBody(spec, content) {
      const tlogSig = spec.signature?.content || Buffer.from("");
      if (!content.compareSignature(tlogSig)) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature mismatch"
        });
      }
      const tlogHash = spec.data?.digest || Buffer.from("");
      if (!content.compareSignedDigest(tlogHash)) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "digest mismatch"
        });
      }
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/intoto.js
var require_intoto = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/intoto.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyIntotoTLogBody = verifyIntotoTLogBody;
    var error_1 = require_error4();
    function verifyIntotoTLogBody(tlogEntry, content) {
      switch (tlogEntry.apiVersion) {
        case "0.0.2":
          return verifyIntoto002TLogBody(tlogEntry, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported intoto version: ${tlogEntry.apiVersion}`
          });
      }
    }
    function verifyIntoto002TLogBody(tlogEntry, content) {
      if (tlogEntry.spec.content.envelope.signatures?.length !== 1) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature count mismatch"
        });
      }
      const tlogSig = base64Decode(tlogEntry.spec.content.envelope.signatures[0].sig);
      if (!content.compareSignature(Buffer.from(tlogSig, "base64"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "tlog entry signature mismatch"
        });
      }
      const tlogHash = tlogEntry.spec.content.payloadHash?.value || "";
      if (!content.compareDigest(Buffer.from(tlogHash, "hex"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "DSSE payload hash mismatch"
        });
      }
    }
    function base64Decode(str) {
      return Buffer.from(str, "base64").toString("utf-8");
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/checkpoint.js
var require_checkpoint = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/checkpoint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.LogCheckpoint = void 0;
    exports.verifyCheckpoint = verifyCheckpoint;
    var core_1 = require_dist3();
    var error_1 = require_error4();
    var CHECKPOINT_SEPARATOR = "\n\n";
    var SIGNATURE_REGEX = /\u2014 (\S+) (\S+)\n/g;
    function verifyCheckpoint(entry, tlogs) {
      const inclusionProof = entry.inclusionProof;
      const signedNote = SignedNote.fromString(inclusionProof.checkpoint.envelope);
      const checkpoint = LogCheckpoint.fromString(signedNote.note);
      if (!verifySignedNote(signedNote, tlogs)) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "invalid checkpoint signature"
        });
      }
      return checkpoint;
    }
    function verifySignedNote(signedNote, tlogs) {
      const data = Buffer.from(signedNote.note, "utf-8");
      return signedNote.signatures.some((signature) => {
        const tlog = tlogs.find((tlog2) => core_1.crypto.bufferEqual(tlog2.logID.subarray(0, 4), signature.keyHint) && // Match the signature name to the base URL of the tlog. The name is
        // attacker-controlled, so it MUST be compared as a literal substring
        // and never coerced into a RegExp (as String.prototype.match would).
        tlog2.baseURL.includes(signature.name));
        if (!tlog) {
          return false;
        }
        return core_1.crypto.verify(data, tlog.publicKey, signature.signature);
      });
    }
    var SignedNote = class _SignedNote {
      note;
      signatures;
      constructor(note, signatures) {
        this.note = note;
        this.signatures = signatures;
      }
      // Deserialize a SignedNote from a string
      static fromString(envelope) {
        if (!envelope.includes(CHECKPOINT_SEPARATOR)) {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "missing checkpoint separator"
          });
        }
        const split = envelope.indexOf(CHECKPOINT_SEPARATOR);
        const header = envelope.slice(0, split + 1);
        const data = envelope.slice(split + CHECKPOINT_SEPARATOR.length);
        const matches = data.matchAll(SIGNATURE_REGEX);
        const signatures = Array.from(matches, (match) => {
          const [, name, signature] = match;
          const sigBytes = Buffer.from(signature, "base64");
          if (sigBytes.length < 5) {
            throw new error_1.VerificationError({
              code: "TLOG_INCLUSION_PROOF_ERROR",
              message: "malformed checkpoint signature"
            });
          }
          return {
            name,
            keyHint: sigBytes.subarray(0, 4),
            signature: sigBytes.subarray(4)
          };
        });
        if (signatures.length === 0) {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "no signatures found in checkpoint"
          });
        }
        return new _SignedNote(header, signatures);
      }
    };
    var LogCheckpoint = class _LogCheckpoint {
      origin;
      logSize;
      logHash;
      rest;
      constructor(origin, logSize, logHash, rest) {
        this.origin = origin;
        this.logSize = logSize;
        this.logHash = logHash;
        this.rest = rest;
      }
      static fromString(note) {
        const lines = note.trimEnd().split("\n");
        if (lines.length < 3) {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "too few lines in checkpoint header"
          });
        }
        const origin = lines[0];
        let logSize;
        try {
          logSize = BigInt(lines[1]);
        } catch {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "invalid checkpoint log size"
          });
        }
        const rootHash = Buffer.from(lines[2], "base64");
        const rest = lines.slice(3);
        return new _LogCheckpoint(origin, logSize, rootHash, rest);
      }
    };
    exports.LogCheckpoint = LogCheckpoint;
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/merkle.js
var require_merkle = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/merkle.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyMerkleInclusion = verifyMerkleInclusion;
    var core_1 = require_dist3();
    var error_1 = require_error4();
    var RFC6962_LEAF_HASH_PREFIX = Buffer.from([0]);
    var RFC6962_NODE_HASH_PREFIX = Buffer.from([1]);
    function verifyMerkleInclusion(entry, checkpoint) {
      const inclusionProof = entry.inclusionProof;
      let logIndex;
      try {
        logIndex = BigInt(inclusionProof.logIndex);
      } catch {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "invalid inclusion proof log index"
        });
      }
      const treeSize = BigInt(checkpoint.logSize);
      if (logIndex < 0n || logIndex >= treeSize) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: `invalid index: ${logIndex}`
        });
      }
      const { inner, border } = decompInclProof(logIndex, treeSize);
      if (inclusionProof.hashes.length !== inner + border) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "invalid hash count"
        });
      }
      const innerHashes = inclusionProof.hashes.slice(0, inner);
      const borderHashes = inclusionProof.hashes.slice(inner);
      const leafHash = hashLeaf(entry.canonicalizedBody);
      const calculatedHash = chainBorderRight(chainInner(leafHash, innerHashes, logIndex), borderHashes);
      if (!core_1.crypto.bufferEqual(calculatedHash, checkpoint.logHash)) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "calculated root hash does not match inclusion proof"
        });
      }
    }
    function decompInclProof(index, size) {
      const inner = innerProofSize(index, size);
      const border = onesCount(index >> BigInt(inner));
      return { inner, border };
    }
    function chainInner(seed, hashes, index) {
      return hashes.reduce((acc, h, i) => {
        if (index >> BigInt(i) & BigInt(1)) {
          return hashChildren(h, acc);
        } else {
          return hashChildren(acc, h);
        }
      }, seed);
    }
    function chainBorderRight(seed, hashes) {
      return hashes.reduce((acc, h) => hashChildren(h, acc), seed);
    }
    function innerProofSize(index, size) {
      return bitLength(index ^ size - BigInt(1));
    }
    function onesCount(num) {
      return num.toString(2).split("1").length - 1;
    }
    function bitLength(n) {
      if (n === 0n) {
        return 0;
      }
      return n.toString(2).length;
    }
    function hashChildren(left, right) {
      return core_1.crypto.digest("sha256", RFC6962_NODE_HASH_PREFIX, left, right);
    }
    function hashLeaf(leaf) {
      return core_1.crypto.digest("sha256", RFC6962_LEAF_HASH_PREFIX, leaf);
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/set.js
var require_set = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/set.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyTLogSET = verifyTLogSET;
    var core_1 = require_dist3();
    var error_1 = require_error4();
    var trust_1 = require_trust();
    function verifyTLogSET(entry, tlogs) {
      const validTLogs = (0, trust_1.filterTLogAuthorities)(tlogs, {
        logID: entry.logId.keyId,
        targetDate: new Date(Number(entry.integratedTime) * 1e3)
      });
      const verified = validTLogs.some((tlog) => {
        const payload = toVerificationPayload(entry);
        const data = Buffer.from(core_1.json.canonicalize(payload), "utf8");
        const signature = entry.inclusionPromise.signedEntryTimestamp;
        return core_1.crypto.verify(data, tlog.publicKey, signature);
      });
      if (!verified) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROMISE_ERROR",
          message: "inclusion promise could not be verified"
        });
      }
    }
    function toVerificationPayload(entry) {
      const { integratedTime, logIndex, logId, canonicalizedBody } = entry;
      return {
        body: canonicalizedBody.toString("base64"),
        integratedTime: Number(integratedTime),
        logIndex: Number(logIndex),
        logID: logId.keyId.toString("hex")
      };
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/index.js
var require_tlog = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/tlog/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyTLogBody = verifyTLogBody;
    exports.verifyTLogInclusion = verifyTLogInclusion;
    var v2_1 = require_v2();
    var error_1 = require_error4();
    var dsse_1 = require_dsse4();
    var hashedrekord_1 = require_hashedrekord2();
    var intoto_1 = require_intoto();
    var checkpoint_1 = require_checkpoint();
    var merkle_1 = require_merkle();
    var set_1 = require_set();
    function verifyTLogBody(entry, sigContent) {
      const { kind, version } = entry.kindVersion;
      let body;
      try {
        body = JSON.parse(entry.canonicalizedBody.toString("utf8"));
      } catch {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "invalid canonicalized body"
        });
      }
      if (kind !== body.kind || version !== body.apiVersion) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: `kind/version mismatch - expected: ${kind}/${version}, received: ${body.kind}/${body.apiVersion}`
        });
      }
      switch (kind) {
        case "dsse":
          if (version == dsse_1.DSSE_API_VERSION_V1) {
            return (0, dsse_1.verifyDSSETLogBody)(body, sigContent);
          } else {
            const entryRekorV2 = v2_1.Entry.fromJSON(body);
            return (0, dsse_1.verifyDSSETLogBodyV2)(entryRekorV2, sigContent);
          }
        case "intoto":
          return (0, intoto_1.verifyIntotoTLogBody)(body, sigContent);
        case "hashedrekord":
          if (version == hashedrekord_1.HASHEDREKORD_API_VERSION_V1) {
            return (0, hashedrekord_1.verifyHashedRekordTLogBody)(body, sigContent);
          } else {
            const entryRekorV2 = v2_1.Entry.fromJSON(body);
            return (0, hashedrekord_1.verifyHashedRekordTLogBodyV2)(entryRekorV2, sigContent);
          }
        /* istanbul ignore next */
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported kind: ${kind}`
          });
      }
    }
    function verifyTLogInclusion(entry, tlogAuthorities) {
      let inclusionVerified = false;
      if (isTLogEntryWithInclusionPromise(entry)) {
        (0, set_1.verifyTLogSET)(entry, tlogAuthorities);
        inclusionVerified = true;
      }
      if (isTLogEntryWithInclusionProof(entry)) {
        const matchingAuthorities = tlogAuthorities.filter((tlog) => tlog.logID.equals(entry.logId.keyId));
        const checkpoint = (0, checkpoint_1.verifyCheckpoint)(entry, matchingAuthorities);
        (0, merkle_1.verifyMerkleInclusion)(entry, checkpoint);
        inclusionVerified = true;
      }
      if (!inclusionVerified) {
        throw new error_1.VerificationError({
          code: "TLOG_MISSING_INCLUSION_ERROR",
          message: "inclusion could not be verified"
        });
      }
      return;
    }
    function isTLogEntryWithInclusionPromise(entry) {
      return entry.inclusionPromise !== void 0;
    }
    function isTLogEntryWithInclusionProof(entry) {
      return entry.inclusionProof !== void 0;
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/verifier.js
var require_verifier2 = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/verifier.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Verifier = void 0;
    var util_1 = __require("node:util");
    var error_1 = require_error4();
    var key_1 = require_key();
    var policy_1 = require_policy();
    var timestamp_1 = require_timestamp2();
    var tlog_1 = require_tlog();
    var Verifier2 = class {
      trustMaterial;
      options;
      constructor(trustMaterial, options = {}) {
        this.trustMaterial = trustMaterial;
        this.options = {
          ctlogThreshold: options.ctlogThreshold ?? 1,
          tlogThreshold: options.tlogThreshold ?? 1,
          timestampThreshold: options.timestampThreshold ?? options.tsaThreshold ?? 1,
          tsaThreshold: 0
        };
      }
      verify(entity, policy) {
        const timestamps = this.verifyTimestamps(entity);
        const signer = this.verifySigningKey(entity, timestamps);
        this.verifyTLogs(entity);
        this.verifySignature(entity, signer);
        if (policy) {
          this.verifyPolicy(policy, signer.identity || {});
        }
        return signer;
      }
      // Checks that all of the timestamps in the entity are valid and returns them
      verifyTimestamps(entity) {
        const timestamps = [];
        for (const timestamp of entity.timestamps) {
          switch (timestamp.$case) {
            case "timestamp-authority":
              timestamps.push((0, timestamp_1.getTSATimestamp)(timestamp.timestamp, entity.signature.signature, this.trustMaterial.timestampAuthorities));
              break;
            case "transparency-log": {
              const result = (0, timestamp_1.getTLogTimestamp)(timestamp.tlogEntry);
              if (result) {
                timestamps.push(result);
              }
              break;
            }
          }
        }
        if (containsDupes(timestamps)) {
          throw new error_1.VerificationError({
            code: "TIMESTAMP_ERROR",
            message: "duplicate timestamp"
          });
        }
        if (timestamps.length < this.options.timestampThreshold) {
          throw new error_1.VerificationError({
            code: "TIMESTAMP_ERROR",
            message: `expected ${this.options.timestampThreshold} timestamps, got ${timestamps.length}`
          });
        }
        return timestamps.map((t) => t.timestamp);
      }
      // Checks that the signing key is valid for all of the the supplied timestamps
      // and returns the signer.
      verifySigningKey({ key }, timestamps) {
        switch (key.$case) {
          case "public-key": {
            return (0, key_1.verifyPublicKey)(key.hint, timestamps, this.trustMaterial);
          }
          case "certificate": {
            const result = (0, key_1.verifyCertificate)(key.certificate, timestamps, this.trustMaterial);
            if (containsDupes(result.scts)) {
              throw new error_1.VerificationError({
                code: "CERTIFICATE_ERROR",
                message: "duplicate SCT"
              });
            }
            if (result.scts.length < this.options.ctlogThreshold) {
              throw new error_1.VerificationError({
                code: "CERTIFICATE_ERROR",
                message: `expected ${this.options.ctlogThreshold} SCTs, got ${result.scts.length}`
              });
            }
            return result.signer;
          }
        }
      }
      // Checks that the tlog entries are valid for the supplied content
      verifyTLogs({ signature: content, tlogEntries }) {
        const entryIDs = [];
        tlogEntries.forEach((entry) => {
          (0, tlog_1.verifyTLogInclusion)(entry, this.trustMaterial.tlogs);
          (0, tlog_1.verifyTLogBody)(entry, content);
          entryIDs.push({
            logID: entry.logId.keyId,
            body: entry.canonicalizedBody
          });
        });
        if (containsDupes(entryIDs)) {
          throw new error_1.VerificationError({
            code: "TLOG_ERROR",
            message: "duplicate tlog entry"
          });
        }
        if (entryIDs.length < this.options.tlogThreshold) {
          throw new error_1.VerificationError({
            code: "TLOG_ERROR",
            message: `expected ${this.options.tlogThreshold} tlog entries, got ${entryIDs.length}`
          });
        }
      }
      // Checks that the signature is valid for the supplied content
      verifySignature(entity, signer) {
        if (!entity.signature.verifySignature(signer.key)) {
          throw new error_1.VerificationError({
            code: "SIGNATURE_ERROR",
            message: "signature verification failed"
          });
        }
      }
      verifyPolicy(policy, identity) {
        if (policy.subjectAlternativeName) {
          (0, policy_1.verifySubjectAlternativeName)(policy.subjectAlternativeName, identity.subjectAlternativeName);
        }
        if (policy.extensions) {
          (0, policy_1.verifyExtensions)(policy.extensions, identity.extensions);
        }
        if (policy.oids) {
          (0, policy_1.verifyOIDs)(policy.oids, identity.oids);
        }
      }
    };
    exports.Verifier = Verifier2;
    function containsDupes(arr) {
      for (let i = 0; i < arr.length; i++) {
        for (let j = i + 1; j < arr.length; j++) {
          if ((0, util_1.isDeepStrictEqual)(arr[i], arr[j])) {
            return true;
          }
        }
      }
      return false;
    }
  }
});

// node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/index.js
var require_dist4 = __commonJS({
  "node_modules/.pnpm/@sigstore+verify@4.1.3/node_modules/@sigstore/verify/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Verifier = exports.toTrustMaterial = exports.VerificationError = exports.PolicyError = exports.toSignedEntity = void 0;
    var bundle_1 = require_bundle2();
    Object.defineProperty(exports, "toSignedEntity", { enumerable: true, get: function() {
      return bundle_1.toSignedEntity;
    } });
    var error_1 = require_error4();
    Object.defineProperty(exports, "PolicyError", { enumerable: true, get: function() {
      return error_1.PolicyError;
    } });
    Object.defineProperty(exports, "VerificationError", { enumerable: true, get: function() {
      return error_1.VerificationError;
    } });
    var trust_1 = require_trust();
    Object.defineProperty(exports, "toTrustMaterial", { enumerable: true, get: function() {
      return trust_1.toTrustMaterial;
    } });
    var verifier_1 = require_verifier2();
    Object.defineProperty(exports, "Verifier", { enumerable: true, get: function() {
      return verifier_1.Verifier;
    } });
  }
});

// packages/core/src/action/errors.ts
var ConfigurationError = class extends Error {
  name = "ConfigurationError";
  code;
  /** The input (or environment variable) at fault, when there is one. */
  input;
  expected;
  actual;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.code = options.code ?? (options.input === void 0 ? "CONFIGURATION" : "INPUT_INVALID");
    this.input = options.input;
    this.expected = options.expected;
    this.actual = options.actual;
  }
  /** The input layer's part: names the input a domain error came from (kept when already named). */
  forInput(input) {
    this.input ??= input;
    return this;
  }
};
var CommandError = class extends Error {
  name = "CommandError";
  /** `COMMAND_FAILED`, or a more precise code (`DIGEST_MISMATCH` when a tool produced other bytes). */
  code;
  tool;
  exitCode;
  /** The last non-empty line the tool wrote to stderr, if any. */
  stderrTail;
  expected;
  actual;
  constructor(message, details2) {
    super(message, details2.cause === void 0 ? void 0 : { cause: details2.cause });
    this.code = details2.code ?? "COMMAND_FAILED";
    this.expected = details2.expected;
    this.actual = details2.actual;
    this.tool = details2.tool;
    this.exitCode = details2.exitCode ?? null;
    this.stderrTail = details2.stderrTail ?? "";
  }
};
function describeError(error) {
  if (error instanceof ConfigurationError) return error.message;
  if (error instanceof CommandError) return error.message;
  if (error instanceof Error) {
    return `Unexpected error (a bug in this action, please report it): ${error.message || error.name}`;
  }
  let text2;
  try {
    text2 = typeof error === "string" ? error : JSON.stringify(error) ?? String(error);
  } catch {
    text2 = String(error);
  }
  return `Unexpected non-Error value thrown (a bug in this action, please report it): ${text2}`;
}
var InvalidValueError = class extends Error {
  name = "InvalidValueError";
  code = "INVALID_VALUE";
};
async function fromInput(input, work) {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ConfigurationError) || error.input !== void 0) throw error;
    error.message = `Input "${input}": ${error.message}`;
    throw error.forInput(input);
  }
}

// packages/core/src/oci/digest.ts
var ALGORITHMS = { sha256: 64, sha512: 128 };
var Digest = class _Digest {
  algorithm;
  hex;
  constructor(algorithm, hex) {
    this.algorithm = algorithm;
    this.hex = hex;
  }
  static parse(value) {
    const colon = value.indexOf(":");
    if (colon < 0) {
      throw new InvalidValueError(
        `"${value}" is not a digest: expected <algorithm>:<hex>, e.g. sha256:<64 hex digits>`
      );
    }
    const algorithm = value.slice(0, colon);
    const hex = value.slice(colon + 1);
    if (algorithm !== "sha256" && algorithm !== "sha512") {
      throw new InvalidValueError(
        `digest "${value}" uses algorithm "${algorithm}"; supported: sha256, sha512`
      );
    }
    const length = ALGORITHMS[algorithm];
    if (!/^[0-9a-f]*$/.test(hex)) {
      const hint = /^[0-9a-fA-F]*$/.test(hex) ? " (hex digits must be lowercase)" : "";
      throw new InvalidValueError(`digest "${value}" must have an encoded part of hex digits${hint}`);
    }
    if (hex.length !== length) {
      throw new InvalidValueError(
        `digest "${value}" must have exactly ${length} hex digits after "${algorithm}:"; got ${hex.length}`
      );
    }
    return new _Digest(algorithm, hex);
  }
  static isValid(value) {
    try {
      _Digest.parse(value);
      return true;
    } catch {
      return false;
    }
  }
  static fromHex(algorithm, hex) {
    return _Digest.parse(`${algorithm}:${hex}`);
  }
  equals(other) {
    return this.toString() === (typeof other === "string" ? other : other.toString());
  }
  /** The OCI 1.1 referrers fallback tag and cosign's tag stem: `sha256-<hex>`. */
  toTagStem() {
    return `${this.algorithm}-${this.hex}`;
  }
  /** First n hex digits, for display. */
  short(n = 12) {
    return `${this.algorithm}:${this.hex.slice(0, n)}`;
  }
  toString() {
    return `${this.algorithm}:${this.hex}`;
  }
  toJSON() {
    return this.toString();
  }
};

// packages/core/src/oci/image-reference.ts
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_API = "registry-1.docker.io";
var NAME_MAX = 255;
var DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
var IPV6_HOST = /^\[[a-fA-F0-9:]+\]$/;
var PORT = /^[0-9]+$/;
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function fail(reference, why) {
  throw new InvalidValueError(`"${reference}" is not a valid image reference: ${why}`);
}
function validateTag(tag) {
  if (tag.length > 128)
    throw new InvalidValueError(`tag "${tag.slice(0, 40)}\u2026" is ${tag.length} characters; at most 128`);
  if (!TAG.test(tag)) {
    throw new InvalidValueError(
      `tag "${tag}" is invalid: use letters, digits, "_", "." and "-", not starting with "." or "-", at most 128`
    );
  }
  return tag;
}
function validateDomain(reference, domain) {
  let host = domain;
  let port;
  if (domain.startsWith("[")) {
    const close = domain.indexOf("]");
    if (close < 0)
      fail(reference, `registry "${domain}" has an unclosed "[" (IPv6 hosts are written [::1]:5000)`);
    host = domain.slice(0, close + 1);
    const rest = domain.slice(close + 1);
    if (rest !== "") {
      if (!rest.startsWith(":")) fail(reference, `unexpected "${rest}" after the IPv6 host ${host}`);
      port = rest.slice(1);
    }
    if (!IPV6_HOST.test(host)) fail(reference, `registry host "${host}" is not an IPv6 address in brackets`);
  } else {
    const colon = domain.lastIndexOf(":");
    if (colon >= 0) {
      host = domain.slice(0, colon);
      port = domain.slice(colon + 1);
    }
    if (host === "") fail(reference, `registry "${domain}" has no host name`);
    for (const component of host.split(".")) {
      if (!DOMAIN_COMPONENT.test(component)) {
        fail(reference, `registry host "${host}" is not a valid host name (component "${component}")`);
      }
    }
  }
  if (port !== void 0 && (!PORT.test(port) || Number(port) > 65535)) {
    fail(reference, `registry port "${port}" must be a number from 0 to 65535`);
  }
}
function looksLikeDomain(component) {
  return component.includes(".") || component.includes(":") || component.startsWith("[") || component === "localhost" || component !== component.toLowerCase();
}
function checkWhole(reference) {
  if (reference === "") fail(reference, "it is empty");
  if (reference !== reference.trim()) fail(reference, "it has leading or trailing white space");
  if (/\s/.test(reference)) fail(reference, "it contains white space");
  if (reference.includes("://"))
    fail(reference, "remove the scheme (https://); a reference starts with the registry host");
}
function splitDigest(reference) {
  const at = reference.indexOf("@");
  if (at < 0) return { rest: reference, digest: void 0 };
  try {
    return { rest: reference.slice(0, at), digest: Digest.parse(reference.slice(at + 1)) };
  } catch (error) {
    return fail(reference, error.message);
  }
}
function splitTag(reference, rest) {
  const lastColon = rest.lastIndexOf(":");
  if (lastColon <= rest.lastIndexOf("/") || rest.startsWith("[") && !rest.includes("/"))
    return { name: rest, tag: void 0 };
  const tag = rest.slice(lastColon + 1);
  if (tag === "") fail(reference, 'the tag after ":" is empty');
  try {
    validateTag(tag);
  } catch (error) {
    fail(reference, error.message);
  }
  return { name: rest.slice(0, lastColon), tag };
}
function splitName(reference, name) {
  if (name === "") fail(reference, "the repository name is empty");
  if (name.length > NAME_MAX) fail(reference, `the name is ${name.length} characters; at most ${NAME_MAX}`);
  const components = name.split("/");
  let registry = DOCKER_HUB;
  const first = components[0] ?? "";
  if (components.length > 1 && looksLikeDomain(first)) {
    validateDomain(reference, first);
    registry = first === "index.docker.io" ? DOCKER_HUB : first;
    components.shift();
  } else if (components.length === 1 && (first.startsWith("[") || /^[^/]*:\d+$/.test(first))) {
    fail(reference, `"${first}" looks like a registry host but no repository follows it`);
  }
  for (const component of components) checkPathComponent(reference, component);
  if (registry === DOCKER_HUB && components.length === 1) components.unshift("library");
  return { registry, repository: components.join("/") };
}
function checkPathComponent(reference, component) {
  if (component === "")
    fail(reference, 'the repository has an empty path component ("//" or a trailing "/")');
  if (!PATH_COMPONENT.test(component)) {
    const why = component !== component.toLowerCase() ? "repository names must be lowercase" : 'use lowercase letters and digits, separated by ".", "_", "__" or "-"';
    fail(reference, `path component "${component}" is invalid: ${why}`);
  }
}
var ImageReference = class _ImageReference {
  /** Registry host as users write it (`docker.io`, `ghcr.io`, `127.0.0.1:5000`, `[::1]:5000`). */
  registry;
  /** Repository path inside the registry (`library/alpine`, `org/app`). */
  repository;
  tag;
  digest;
  constructor(registry, repository, tag, digest) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }
  static parse(reference) {
    checkWhole(reference);
    const { rest, digest } = splitDigest(reference);
    const { name, tag } = splitTag(reference, rest);
    const { registry, repository } = splitName(reference, name);
    return new _ImageReference(registry, repository, tag, digest);
  }
  static tryParse(reference) {
    try {
      return _ImageReference.parse(reference);
    } catch {
      return void 0;
    }
  }
  /** `registry/repository`, with no tag or digest. */
  get name() {
    return `${this.registry}/${this.repository}`;
  }
  /** The host the distribution API lives at (Docker Hub's differs from its name). */
  get apiHost() {
    return this.registry === DOCKER_HUB ? DOCKER_HUB_API : this.registry;
  }
  withTag(tag) {
    return new _ImageReference(this.registry, this.repository, validateTag(tag), this.digest);
  }
  withDigest(digest) {
    return new _ImageReference(
      this.registry,
      this.repository,
      this.tag,
      typeof digest === "string" ? Digest.parse(digest) : digest
    );
  }
  /** The same repository with neither tag nor digest. */
  repositoryOnly() {
    return new _ImageReference(this.registry, this.repository, void 0, void 0);
  }
  equals(other) {
    return this.toString() === other.toString();
  }
  /** Fully qualified: `registry/repository[:tag][@digest]`. */
  toString() {
    return `${this.name}${this.tag === void 0 ? "" : `:${this.tag}`}${this.digest === void 0 ? "" : `@${this.digest}`}`;
  }
  toJSON() {
    return this.toString();
  }
};

// packages/core/src/oci/tag-pattern.ts
function matchesTagPattern(tag, pattern) {
  const re = new RegExp(
    `^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`
  );
  return re.test(tag);
}
function isImmutableTag(tag, patterns) {
  return patterns.some((p) => matchesTagPattern(tag, p));
}
var DEFAULT_IMMUTABLE_TAGS = "sha-*,nightly-*";
var ImmutableTagConflict = class _ImmutableTagConflict extends ConfigurationError {
  name = "ImmutableTagConflict";
  conflicts;
  wanted;
  patterns;
  constructor(conflicts, wanted, patterns, message = `immutable tag(s) ${conflicts.map((c) => `${c.tag} (now ${c.current})`).join(", ")} already point elsewhere and are never moved to ${wanted}; patterns ${patterns.join(", ")} are written once`) {
    super(message, {
      code: "IMMUTABLE_TAG_CONFLICT",
      expected: wanted,
      actual: [...new Set(conflicts.map((c) => c.current))].join(", ")
    });
    this.conflicts = conflicts;
    this.wanted = wanted;
    this.patterns = patterns;
  }
  /** The same refusal in an action's words: what it refuses (`before`) and what therefore did not happen (`after`). */
  framed(before, after) {
    const framed = new _ImmutableTagConflict(
      this.conflicts,
      this.wanted,
      this.patterns,
      `${before}${this.message}${after}`
    );
    if (this.input !== void 0) framed.forInput(this.input);
    return framed;
  }
};
function planTags(tags, current, digest, immutable, refusal) {
  const plans = tags.map((tag) => {
    const previous = current.get(tag)?.digest;
    const isImmutable = isImmutableTag(tag, immutable);
    const action = previous === digest ? "unchanged" : previous === void 0 ? "create" : "move";
    return { tag, immutable: isImmutable, previous, action };
  });
  const conflicts = plans.filter((p) => p.immutable && p.action === "move").map((p) => ({ tag: p.tag, current: p.previous ?? "" }));
  if (conflicts.length > 0) {
    const conflict = new ImmutableTagConflict(conflicts, digest, immutable);
    throw refusal ? conflict.framed(refusal.before, refusal.after).forInput(refusal.input) : conflict;
  }
  return [...plans.filter((p) => p.immutable), ...plans.filter((p) => !p.immutable)];
}

// packages/core/src/oci/tag-rules.ts
var TagRuleError = class extends InvalidValueError {
  code;
  rule;
  constructor(code, rule, message) {
    super(message);
    this.code = code;
    this.rule = rule;
  }
  /** The action's part: the same problem as a configuration error naming the input the rule came from. */
  forInput(input) {
    return new ConfigurationError(`Input "${input}" ${this.message}`, { input, cause: this });
  }
};
var PLACEHOLDERS = ["date", "sha", "short-sha", "version", "major", "minor", "branch", "number"];
var PLACEHOLDER = /\{([^{}]*)\}/g;
var EVENT = /^@([a-z][a-z_]*)$/;
var LATEST = /^latest=(.*)$/;
var LATEST_MODES = ["auto", "always", "never"];
var MAX_TAG = 128;
var EXAMPLE = {
  date: "20260101",
  sha: "0123456789abcdef0123456789abcdef01234567",
  "short-sha": "0123456",
  version: "1.2.3",
  major: "1",
  minor: "2",
  branch: "main",
  number: "1"
};
function isPlaceholder(name) {
  return PLACEHOLDERS.includes(name);
}
function expand(template, values) {
  return template.replace(PLACEHOLDER, (_m, name) => values(name));
}
function checkTag(rule, tag) {
  try {
    return validateTag(tag);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const message = rule.template.includes("{") ? `rule "${rule.text}" gives an invalid tag: ${why}` : why;
    throw new TagRuleError("invalid-tag", rule.text, message);
  }
}
function parseTagRule(item) {
  const text2 = item.trim();
  const words = text2.split(/\s+/);
  const [head = "", ...rest] = words;
  const conditional = rest.length > 0 && rest.every((w) => w.startsWith("@"));
  const template = conditional ? head : text2;
  const events = [];
  if (conditional) {
    for (const word of rest) {
      const event = EVENT.exec(word)?.[1];
      if (event === void 0)
        throw new TagRuleError(
          "bad-rule",
          text2,
          `rule "${text2}": "${word}" is not an event condition (@push, @schedule, @workflow_dispatch\u2026)`
        );
      if (!events.includes(event)) events.push(event);
    }
  }
  const latest = LATEST.exec(template)?.[1];
  if (latest !== void 0) {
    const mode = LATEST_MODES.find((m) => m === latest);
    if (mode === void 0)
      throw new TagRuleError(
        "bad-rule",
        text2,
        `rule "${text2}": latest= takes ${LATEST_MODES.join(", ")}; got "${latest}"`
      );
    return { text: text2, template: "latest", latest: mode, events };
  }
  const rule = { text: text2, template, latest: void 0, events };
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!isPlaceholder(name))
      throw new TagRuleError(
        "unknown-template",
        text2,
        `"${template}" uses an unknown template {${name}}; known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}`
      );
  }
  checkTag(
    rule,
    expand(template, (name) => EXAMPLE[name])
  );
  return rule;
}
function parseTagRules(items) {
  return items.map(parseTagRule);
}
var SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
function parseSemVer(text2) {
  const m = SEMVER.exec(text2);
  if (m === null) return void 0;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    prerelease: m[4] === void 0 ? [] : m[4].split("."),
    build: m[5],
    text: text2
  };
}
function semverOfRef(ref) {
  return ref.startsWith("refs/tags/") ? parseSemVer(ref.slice("refs/tags/".length)) : void 0;
}
function compareIdentifier(a, b) {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Number(a) - Number(b);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareSemVer(a, b) {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return core;
  if (a.prerelease.length === 0 || b.prerelease.length === 0)
    return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === void 0) return -1;
    if (y === void 0) return 1;
    const c = compareIdentifier(x, y);
    if (c !== 0) return c;
  }
  return 0;
}
function versionTag(v) {
  const pre = v.prerelease.length > 0 ? `-${v.prerelease.join(".")}` : "";
  return `${v.major}.${v.minor}.${v.patch}${pre}${v.build === void 0 ? "" : `_${v.build}`}`;
}
function sanitizeTag(text2) {
  const cleaned = text2.replace(/[^A-Za-z0-9_.-]/g, "-").slice(0, MAX_TAG);
  return /^[.-]/.test(cleaned) ? `_${cleaned.slice(1)}` : cleaned;
}
function branchOf(ref) {
  return ref.startsWith("refs/heads/") && ref.length > "refs/heads/".length ? ref.slice("refs/heads/".length) : void 0;
}
function isPullRequest(ctx) {
  return ctx.eventName === "pull_request" || ctx.eventName === "pull_request_target";
}
function describeRun(ctx) {
  return `this is ${ctx.eventName === "" ? "a run with no event" : `a ${ctx.eventName} run`}${ctx.ref === "" ? "" : ` of ${ctx.ref}`}`;
}
function releaseGuard(semver, known, scope) {
  const line = scope === "all" ? "release" : scope === "major" ? `${semver.major}.x release` : `${semver.major}.${semver.minor}.x release`;
  if (known.tags === void 0)
    return `the registry's tags were not read, so whether ${semver.text} is the highest ${line} is unknown`;
  const releases = known.tags.flatMap((t) => {
    const v = parseSemVer(t);
    return v === void 0 || v.prerelease.length > 0 ? [] : [v];
  });
  if (!releases.some((v) => compareSemVer(v, semver) === 0))
    return `the repository has no tag of release ${semver.text} (add {version} to skopeo-push's tags), so whether it is the highest ${line} cannot be told`;
  const inLine = (v) => scope === "all" || v.major === semver.major && (scope === "major" || v.minor === semver.minor);
  const higher = releases.filter((v) => inLine(v) && compareSemVer(v, semver) > 0);
  const top = higher.reduce(
    (a, v) => a === void 0 || compareSemVer(v, a) > 0 ? v : a,
    void 0
  );
  return top === void 0 ? void 0 : `${semver.text} is not the highest ${line}: the registry has ${top.text}`;
}
function reservedFor(tag, known) {
  if (tag === "latest") return "latest";
  if (parseSemVer(tag) !== void 0) return "a release version";
  if (isImmutableTag(tag, known.immutable)) return `an immutable tag (${known.immutable.join(", ")})`;
  return void 0;
}
function resolve(name, rule, ctx, known) {
  switch (name) {
    case "date":
      return { value: ctx.date.toISOString().slice(0, 10).replace(/-/g, "") };
    case "sha":
    case "short-sha":
      if (!/^[0-9a-f]{40}$/.test(ctx.sha))
        throw new TagRuleError(
          "no-commit",
          rule.text,
          `rule "${rule.text}" uses {${name}}, but GITHUB_SHA is not a commit SHA`
        );
      return { value: name === "sha" ? ctx.sha : ctx.sha.slice(0, 7) };
    case "version":
    case "major":
    case "minor": {
      const semver = semverOfRef(ctx.ref);
      if (semver === void 0)
        return { skip: `{${name}} needs a semver tag ref (refs/tags/v1.2.3); ${describeRun(ctx)}` };
      if (name === "version") return { value: versionTag(semver) };
      if (semver.prerelease.length > 0)
        return { skip: `${semver.text} is a pre-release: {major} and {minor} move only with releases` };
      const guard = releaseGuard(semver, known, rule.template.includes("{minor}") ? "minor" : "major");
      if (guard !== void 0) return { skip: guard };
      return { value: String(name === "major" ? semver.major : semver.minor) };
    }
    case "branch": {
      if (isPullRequest(ctx))
        return { skip: `{branch} on a ${ctx.eventName} run would be the base branch; use pr-{number}` };
      const branch = branchOf(ctx.ref);
      return branch === void 0 ? { skip: `{branch} needs a branch ref (refs/heads/\u2026); ${describeRun(ctx)}` } : { value: sanitizeTag(branch) };
    }
    case "number":
      return ctx.prNumber === void 0 ? { skip: `{number} needs a pull request; ${describeRun(ctx)}` } : { value: String(ctx.prNumber) };
  }
}
function expandRule(rule, ctx, known) {
  const values = /* @__PURE__ */ new Map();
  for (const match of rule.template.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if (values.has(name)) continue;
    const resolved = resolve(name, rule, ctx, known);
    if ("skip" in resolved) return resolved;
    values.set(name, resolved.value);
  }
  const at = (name) => values.get(name) ?? "";
  let tag = expand(rule.template, at);
  const branch = values.get("branch");
  if (tag.length > MAX_TAG && branch !== void 0) {
    const fixed = expand(rule.template, (name) => name === "branch" ? "" : at(name)).length;
    const uses = [...rule.template.matchAll(/\{branch\}/g)].length;
    const room = Math.floor((MAX_TAG - fixed) / uses);
    if (room > 0)
      tag = expand(rule.template, (name) => name === "branch" ? branch.slice(0, room) : at(name));
  }
  const reserved = branch === void 0 ? void 0 : reservedFor(tag, known);
  if (reserved !== void 0) return { skip: `the branch name would write "${tag}", which is ${reserved}` };
  return { value: checkTag(rule, tag) };
}
function latestAuto(ctx, known) {
  const semver = semverOfRef(ctx.ref);
  if (semver !== void 0) {
    if (semver.prerelease.length > 0)
      return { skip: `${semver.text} is a pre-release, which never moves latest` };
    const guard = releaseGuard(semver, known, "all");
    return guard === void 0 ? { value: "latest" } : { skip: guard };
  }
  const branch = branchOf(ctx.ref);
  if (branch === void 0)
    return {
      skip: `latest=auto moves on a push to the default branch or with the highest release tag; ${describeRun(ctx)}`
    };
  if (ctx.defaultBranch === void 0)
    return { skip: "the default branch is unknown (the event payload has no repository.default_branch)" };
  if (branch !== ctx.defaultBranch)
    return {
      skip: `latest=auto moves on the default branch (${ctx.defaultBranch}) only; ${describeRun(ctx)}`
    };
  if (ctx.eventName !== "push")
    return { skip: `latest=auto moves on a push to the default branch; ${describeRun(ctx)}` };
  return { value: "latest" };
}
function evaluate(rule, ctx, known) {
  if (rule.events.length > 0 && !rule.events.includes(ctx.eventName))
    return { skip: `applies to ${rule.events.join(" and ")} runs only; ${describeRun(ctx)}` };
  switch (rule.latest) {
    case void 0:
      return expandRule(rule, ctx, known);
    case "always":
      return { value: "latest" };
    case "never":
      return { skip: "latest=never" };
    case "auto":
      return latestAuto(ctx, known);
  }
}
function planTagRules(rules, ctx, existingTags, options = {}) {
  try {
    return planRules(rules, ctx, existingTags, options);
  } catch (error) {
    if (error instanceof TagRuleError && options.input !== void 0) throw error.forInput(options.input);
    throw error;
  }
}
function planRules(rules, ctx, existingTags, options) {
  const immutable = options.immutable ?? DEFAULT_IMMUTABLE_TAGS.split(",");
  const planned = evaluateRules(rules, ctx, existingTags, immutable);
  if (planned.tags.length > 0 || options.fallback === void 0 || options.fallback.length === 0)
    return { ...planned, fallback: false };
  const fallback = evaluateRules(options.fallback, ctx, existingTags, immutable);
  return { tags: fallback.tags, skipped: planned.skipped, fallback: true };
}
function evaluateRules(rules, ctx, existingTags, immutable) {
  const guarded = (r) => r.latest === "auto" || /\{(major|minor)\}/.test(r.template);
  const outcomes = /* @__PURE__ */ new Map();
  for (const rule of rules.filter((r) => !guarded(r)))
    outcomes.set(rule, evaluate(rule, ctx, { tags: existingTags, immutable }));
  const planned = [...outcomes.values()].flatMap((o) => "value" in o ? [o.value] : []);
  const known = { tags: existingTags === void 0 ? void 0 : [...existingTags, ...planned], immutable };
  for (const rule of rules.filter(guarded)) outcomes.set(rule, evaluate(rule, ctx, known));
  const tags = [];
  const skipped = [];
  for (const rule of rules) {
    const outcome = outcomes.get(rule) ?? { skip: "not evaluated" };
    if ("skip" in outcome) skipped.push({ rule: rule.text, reason: outcome.skip });
    else if (!tags.includes(outcome.value)) tags.push(outcome.value);
  }
  return { tags, skipped };
}
function needsExistingTags(rules, ctx) {
  const semver = semverOfRef(ctx.ref);
  return semver !== void 0 && semver.prerelease.length === 0 && rules.some(
    (r) => (r.latest === "auto" || /\{(major|minor)\}/.test(r.template)) && (r.events.length === 0 || r.events.includes(ctx.eventName))
  );
}

// packages/core/src/action/github-event.ts
var import_promises = __toESM(require_promises(), 1);
function record(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function text(value) {
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function prNumberOf(eventName, ref, payload) {
  const fromRef = /^refs\/pull\/(\d+)\//.exec(ref)?.[1];
  if (!PULL_REQUEST_EVENTS.has(eventName) && fromRef === void 0) return void 0;
  const candidates = [record(payload.pull_request)?.number, payload.number, fromRef];
  for (const candidate of candidates) {
    const n = typeof candidate === "string" && /^\d+$/.test(candidate) ? Number(candidate) : candidate;
    if (typeof n === "number" && Number.isSafeInteger(n) && n > 0) return n;
  }
  return void 0;
}
function repositoryFacts(payload, env) {
  const repo = record(payload.repository) ?? {};
  const fullName = text(env.GITHUB_REPOSITORY);
  const server = text(env.GITHUB_SERVER_URL);
  const spdx = text(record(repo.license)?.spdx_id);
  return {
    name: text(repo.name) ?? fullName?.split("/").at(-1),
    htmlUrl: text(repo.html_url) ?? (server !== void 0 && fullName !== void 0 ? `${server}/${fullName}` : void 0),
    description: text(repo.description),
    license: spdx === "NOASSERTION" ? void 0 : spdx
  };
}
function refContext(env, payload, date) {
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const ref = text(env.GITHUB_REF) ?? text(payload.ref) ?? "";
  return {
    eventName,
    ref,
    sha: env.GITHUB_SHA ?? "",
    defaultBranch: text(record(payload.repository)?.default_branch),
    prNumber: prNumberOf(eventName, ref, payload),
    repository: repositoryFacts(payload, env),
    payload,
    date
  };
}
async function readRefContext(env, date) {
  const path = env.GITHUB_EVENT_PATH;
  if (path === void 0 || path === "") return refContext(env, {}, date);
  let raw;
  try {
    raw = await (0, import_promises.readFile)(path, "utf8");
  } catch (error) {
    throw new ConfigurationError(
      `GITHUB_EVENT_PATH names ${path}, which is not readable (${error.code ?? "unreadable"}); the runner writes the event payload there: leave the variable as the runner sets it`,
      { input: "GITHUB_EVENT_PATH", cause: error }
    );
  }
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ConfigurationError(`GITHUB_EVENT_PATH names ${path}, which is not JSON`, {
      input: "GITHUB_EVENT_PATH",
      cause: error
    });
  }
  const payload = record(parsed);
  if (payload === void 0)
    throw new ConfigurationError(`GITHUB_EVENT_PATH names ${path}, which is not a JSON object`, {
      input: "GITHUB_EVENT_PATH"
    });
  return refContext(env, payload, date);
}

// packages/core/src/inputs/input-spec.ts
var import_node_fs = __toESM(require_fs(), 1);
var import_node_path = __toESM(require_path(), 1);
function envInputName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}
function envInputSource(env) {
  return (name) => env[envInputName(name)];
}
function defaultInputContext(env, cwd) {
  return { workspace: (0, import_node_path.resolve)(env.GITHUB_WORKSPACE ?? cwd) };
}
function fieldError(name, message, cause, code = "INPUT_INVALID") {
  const domain = cause instanceof ConfigurationError ? cause : void 0;
  return new ConfigurationError(`Input "${name}" ${message}`, {
    code: domain !== void 0 && domain.code !== "CONFIGURATION" ? domain.code : code,
    input: name,
    ...domain?.expected !== void 0 ? { expected: domain.expected } : {},
    ...domain?.actual !== void 0 ? { actual: domain.actual } : {},
    cause
  });
}
function parseWith(parse, raw, name, ctx) {
  try {
    return parse(raw, ctx);
  } catch (error) {
    if (error instanceof InvalidValueError || error instanceof ConfigurationError) {
      throw fieldError(name, error.message, error);
    }
    throw error;
  }
}
function field(kind, parse) {
  return {
    required(description) {
      return {
        kind,
        required: true,
        defaultValue: void 0,
        read(raw, name, ctx) {
          if (raw === void 0) {
            throw fieldError(
              name,
              `is required${description ? `: ${description}` : ""}`,
              void 0,
              "INPUT_REQUIRED"
            );
          }
          return parseWith(parse, raw, name, ctx);
        }
      };
    },
    optional() {
      return {
        kind,
        required: false,
        defaultValue: void 0,
        read: (raw, name, ctx) => raw === void 0 ? void 0 : parseWith(parse, raw, name, ctx)
      };
    },
    default(value) {
      return {
        kind,
        required: false,
        defaultValue: value,
        read: (raw, name, ctx) => parseWith(parse, raw ?? value, name, ctx)
      };
    }
  };
}
function readInputs(spec, source, ctx) {
  const values = {};
  const problems = [];
  for (const [name, f] of Object.entries(spec)) {
    const given = source(name);
    const rawValue = f.verbatim ? given : given?.trim();
    try {
      values[name] = f.read(rawValue === "" ? void 0 : rawValue, name, ctx);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(error);
    }
  }
  const [first] = problems;
  if (first !== void 0) {
    if (problems.length === 1) throw first;
    throw new ConfigurationError(
      `${problems.length} inputs are invalid:
${problems.map((p) => `  - ${p.message}`).join("\n")}`,
      { code: "INPUTS_INVALID", input: first.input ?? "", cause: new AggregateError(problems) }
    );
  }
  return values;
}
var TRUE = /* @__PURE__ */ new Set(["true", "True", "TRUE"]);
var FALSE = /* @__PURE__ */ new Set(["false", "False", "FALSE"]);
function parseBoolean(raw) {
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  throw new InvalidValueError(
    `must be a boolean (YAML 1.2 core schema: true, True, TRUE, false, False, FALSE); got "${raw}"`
  );
}
function parseList(raw) {
  const items = [];
  for (const line of raw.split(/\r?\n/)) {
    let current = "";
    let quoted = false;
    let wasQuoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          current += '"';
          i++;
        } else if (ch === '"') {
          quoted = false;
        } else {
          current += ch;
        }
      } else if (ch === '"' && current.trim() === "") {
        quoted = true;
        wasQuoted = true;
        current = "";
      } else if (ch === ",") {
        if (wasQuoted || current.trim() !== "") items.push(wasQuoted ? current : current.trim());
        current = "";
        wasQuoted = false;
      } else if (wasQuoted && !quoted) {
        if (ch !== " " && ch !== "	")
          throw new InvalidValueError(`has text after a closing quote in line "${line}"`);
      } else {
        current += ch;
      }
    }
    if (quoted) throw new InvalidValueError(`has an unterminated quote in line "${line}"`);
    if (wasQuoted || current.trim() !== "") items.push(wasQuoted ? current : current.trim());
  }
  return items;
}
function parseEnum(raw, allowed) {
  const found = allowed.find((a) => a === raw);
  if (found === void 0) {
    throw new InvalidValueError(`must be one of ${allowed.map((a) => `"${a}"`).join(", ")}; got "${raw}"`);
  }
  return found;
}
function parseInteger(raw, bounds = {}) {
  const range = `${bounds.min ?? "-\u221E"}..${bounds.max ?? "\u221E"}`;
  if (!/^[+-]?\d{1,15}$/.test(raw))
    throw new InvalidValueError(`must be a whole number in ${range}; got "${raw}"`);
  const value = Number(raw);
  if (bounds.min !== void 0 && value < bounds.min || bounds.max !== void 0 && value > bounds.max) {
    throw new InvalidValueError(`must be a whole number in ${range}; got ${value}`);
  }
  return value;
}
function nonEmpty(raw, items) {
  if (items.length === 0 && raw.trim() !== "")
    throw new InvalidValueError("lists no item (only separators); give at least one, or leave it out");
  if (items.some((item) => item.trim() === ""))
    throw new InvalidValueError('lists an empty item ("" or " "); every item must say something');
  return items;
}
var DURATION_UNITS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
function parseDuration(raw, bounds = {}) {
  const accepted = "a duration such as 250ms, 90s, 5m, 1h30m or 2d (units ms, s, m, h, d)";
  if (!/^(\d+(ms|s|m|h|d))+$/.test(raw)) throw new InvalidValueError(`must be ${accepted}; got "${raw}"`);
  let total = 0;
  for (const match of raw.matchAll(/(\d+)(ms|s|m|h|d)/g)) {
    total += Number(match[1]) * (DURATION_UNITS[match[2] ?? "s"] ?? 0);
  }
  if (bounds.minMs !== void 0 && total < bounds.minMs || bounds.maxMs !== void 0 && total > bounds.maxMs) {
    throw new InvalidValueError(
      `must be between ${bounds.minMs ?? 0}ms and ${bounds.maxMs ?? "\u221E"}ms; got "${raw}" (${total}ms)`
    );
  }
  return total;
}
function isInside(root, target) {
  const rel = (0, import_node_path.relative)(root, target);
  return rel === "" || !rel.startsWith("..") && !(0, import_node_path.isAbsolute)(rel);
}
function requireExisting(path, kind) {
  let found;
  try {
    found = (0, import_node_fs.statSync)(path);
  } catch (error) {
    throw new InvalidValueError(
      `names ${path}, which does not exist (${error.code ?? "unreadable"})`
    );
  }
  if (kind === "file" ? !found.isFile() : !found.isDirectory())
    throw new InvalidValueError(`names ${path}, which is not a ${kind}`);
}
function realpathIfExists(path) {
  try {
    return (0, import_node_fs.realpathSync)(path);
  } catch {
    return void 0;
  }
}
function parsePath(raw, ctx, options = {}) {
  if (raw.includes("\0")) throw new InvalidValueError("must not contain a NUL character");
  const absolute = (0, import_node_path.resolve)(ctx.workspace, raw);
  if (!options.allowOutsideWorkspace) {
    const outside = `must stay inside the workspace ${ctx.workspace}; "${raw}" resolves to`;
    if (!isInside(ctx.workspace, absolute)) throw new InvalidValueError(`${outside} ${absolute}`);
    const real = realpathIfExists(absolute);
    const realWorkspace = realpathIfExists(ctx.workspace) ?? ctx.workspace;
    if (real !== void 0 && !isInside(realWorkspace, real)) {
      throw new InvalidValueError(`${outside} ${real} through a symbolic link`);
    }
  }
  if (options.mustExist !== void 0) requireExisting(absolute, options.mustExist);
  return absolute;
}
var inputs = {
  string: (options = {}) => field("string", (raw) => {
    if (options.pattern !== void 0 && !options.pattern.test(raw)) {
      throw new InvalidValueError(
        `must be ${options.accepted ?? `a string matching ${options.pattern}`}; got "${raw}"`
      );
    }
    return raw;
  }),
  boolean: () => field("boolean", (raw) => parseBoolean(raw)),
  list: () => field("list", (raw) => nonEmpty(raw, parseList(raw))),
  enum: (allowed) => field("enum", (raw) => parseEnum(raw, allowed)),
  integer: (bounds = {}) => field("integer", (raw) => parseInteger(raw, bounds)),
  duration: (bounds = {}) => field("duration", (raw) => parseDuration(raw, bounds)),
  path: (options = {}) => field("path", (raw, ctx) => parsePath(raw, ctx, options)),
  keyValues: () => field("key-values", (raw) => parseKeyValues(raw)),
  custom: (kind, parse) => field(kind, parse),
  /** Tag patterns (`sha-*`): tag characters and `*` only, so that no pattern silently matches nothing. */
  tagPatterns: () => field(
    "tag-patterns",
    (raw) => nonEmpty(raw, parseList(raw)).map((pattern) => {
      if (!/^[A-Za-z0-9_*][A-Za-z0-9_.*-]{0,127}$/.test(pattern))
        throw new InvalidValueError(
          `pattern "${pattern}" is not a tag with * wildcards (letters, digits, _ . - and *)`
        );
      return pattern;
    })
  ),
  /** A secret such as a password: taken verbatim, leading and trailing spaces included. */
  secret: () => ({
    ...field("secret", (raw) => raw).optional(),
    verbatim: true
  })
};
var KEY = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/;
function parseKeyValues(raw) {
  return parseList(raw).map((item, i) => {
    const eq = item.indexOf("=");
    const key = eq < 0 ? item : item.slice(0, eq);
    if (eq < 0 || !KEY.test(key)) {
      throw new InvalidValueError(
        `item ${i + 1} must be KEY=value with a key of letters, digits, "_", ".", "-" or "/"; got "${key}"`
      );
    }
    return [key, item.slice(eq + 1)];
  });
}

// packages/core/src/exec/tool-runner.ts
var import_node_child_process = __toESM(require_child_process(), 1);
var import_promises3 = __toESM(require_promises(), 1);
var import_node_path3 = __toESM(require_path(), 1);

// packages/core/src/action/temp-folder.ts
var import_promises2 = __toESM(require_promises(), 1);
var import_node_os = __toESM(require_os(), 1);
var import_node_path2 = __toESM(require_path(), 1);
function tempBase(env) {
  return env.RUNNER_TEMP || (0, import_node_os.tmpdir)();
}
function tempFolder(base, prefix) {
  return (0, import_promises2.mkdtemp)((0, import_node_path2.join)(base, `${prefix.replace(/-$/, "")}-`));
}

// packages/core/src/exec/tool-runner.ts
var STDERR_TAIL_BYTES = 16 * 1024;
function redact(text2, secrets) {
  let out = text2;
  for (const secret of secrets ?? []) if (secret !== "") out = out.split(secret).join("***");
  return out;
}
function lastLine(text2) {
  const lines = text2.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.at(-1)?.trim() ?? "";
}
var ChildOutput = class {
  stdoutChunks = [];
  stdoutBytes = 0;
  /** Stdout went past the limit. */
  overflow = false;
  stderrTail = "";
  partial = { out: "", err: "" };
  request;
  maxStdout;
  logger;
  constructor(request, maxStdout, logger) {
    this.request = request;
    this.maxStdout = maxStdout;
    this.logger = logger;
  }
  /** Takes a stdout chunk; returns true the first time the limit is passed (the caller stops the child). */
  stdout(chunk) {
    this.stdoutBytes += chunk.length;
    if (this.stdoutBytes > this.maxStdout) {
      const first = !this.overflow;
      this.overflow = true;
      return first;
    }
    this.stdoutChunks.push(chunk);
    this.echo("out", chunk);
    return false;
  }
  stderr(chunk) {
    this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL_BYTES);
    this.echo("err", chunk);
  }
  echo(kind, chunk) {
    if (!this.request.echo || this.logger === void 0) return;
    const lines = (this.partial[kind] + chunk.toString("utf8")).split("\n");
    this.partial = { ...this.partial, [kind]: lines.pop() ?? "" };
    for (const line of lines) this.logger.info(redact(line, this.request.secrets));
  }
  /** Echoes the unterminated last lines, then returns what was captured (redacted). */
  finish(exitCode, durationMs) {
    for (const kind of ["out", "err"]) {
      if (this.partial[kind] !== "" && this.request.echo)
        this.logger?.info(redact(this.partial[kind], this.request.secrets));
    }
    return {
      exitCode: exitCode ?? -1,
      stdout: redact(Buffer.concat(this.stdoutChunks).toString("utf8"), this.request.secrets),
      stderrTail: redact(this.stderrTail, this.request.secrets),
      durationMs
    };
  }
};
function startFailure(request, error) {
  const why = error.code === "ENOENT" ? `${request.tool} is not installed or not on PATH (tried "${request.command}")` : `${request.tool} could not be started: ${error.message}`;
  return new CommandError(why, { tool: request.tool, cause: error });
}
function exitFailure(request, result, outcome) {
  const tool = request.tool;
  if (outcome.overflow)
    return new CommandError(`${tool} wrote more than ${outcome.maxStdout} bytes to stdout`, { tool });
  const tail = result.stderrTail;
  if (outcome.signal !== null) {
    const timedOut = request.timeoutMs !== void 0 && result.durationMs >= request.timeoutMs;
    const why = timedOut ? `timed out after ${request.timeoutMs} ms` : `was killed by ${outcome.signal}`;
    return new CommandError(`${tool} ${why}`, { tool, stderrTail: lastLine(tail) });
  }
  if ((request.okExitCodes ?? [0]).includes(result.exitCode)) return void 0;
  const detail = lastLine(tail);
  return new CommandError(`${tool} failed with exit code ${result.exitCode}${detail ? `: ${detail}` : ""}`, {
    tool,
    exitCode: result.exitCode,
    stderrTail: tail
  });
}
var ProcessToolRunner = class {
  logger;
  env;
  /**
   * `env`: the environment a request without its own runs in (the step's: `ActionDeps.env`); without
   * one, this process's own.
   */
  constructor(logger, env) {
    this.logger = logger;
    this.env = env;
  }
  run(request) {
    const started = performance.now();
    const maxStdout = request.maxStdoutBytes ?? 32 * 1024 * 1024;
    for (const secret of request.secrets ?? []) this.logger?.setSecret(secret);
    if (request.echo) {
      const line = `$ ${request.command} ${request.args.map(quoteForDisplay).join(" ")}`;
      this.logger?.info(redact(line, request.secrets));
    }
    return new Promise((resolvePromise, reject) => {
      const child = (0, import_node_child_process.spawn)(request.command, [...request.args], {
        cwd: request.cwd,
        env: request.env ?? this.env,
        shell: false,
        stdio: ["pipe", "pipe", "pipe"],
        timeout: request.timeoutMs,
        killSignal: "SIGTERM"
      });
      const output = new ChildOutput(request, maxStdout, this.logger);
      child.stdout.on("data", (chunk) => {
        if (output.stdout(chunk)) child.kill("SIGTERM");
      });
      child.stderr.on("data", (chunk) => output.stderr(chunk));
      child.stdin.on("error", () => {
      });
      child.stdin.end(request.stdin ?? "");
      child.on("error", (error) => reject(startFailure(request, error)));
      child.on("close", (code, signal) => {
        const result = output.finish(code, performance.now() - started);
        const failure = exitFailure(request, result, { overflow: output.overflow, signal, maxStdout });
        if (failure === void 0) resolvePromise(result);
        else reject(failure);
      });
    });
  }
};
function quoteForDisplay(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

// packages/core/src/action/runner-commands.ts
var import_node_crypto = __toESM(require_crypto(), 1);
var import_node_fs2 = __toESM(require_fs(), 1);
var import_node_os2 = __toESM(require_os(), 1);
var processIo = {
  env: process.env,
  cwd: () => process.cwd(),
  write: (text2) => {
    process.stdout.write(text2);
  },
  append: (file, text2) => (0, import_node_fs2.appendFileSync)(file, text2, { encoding: "utf8" })
};
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
var COMMAND_LINE = /::|##\[/;
function writeUntrusted(io, text2) {
  if (!COMMAND_LINE.test(text2)) {
    io.write(`${text2}${import_node_os2.EOL}`);
    return;
  }
  let token = (0, import_node_crypto.randomUUID)().replace(/-/g, "");
  while (text2.includes(token)) token = (0, import_node_crypto.randomUUID)().replace(/-/g, "");
  io.write(`::stop-commands::${token}${import_node_os2.EOL}${text2}${import_node_os2.EOL}::${token}::${import_node_os2.EOL}`);
}
function issueCommand(io, command, message, properties = {}) {
  const props = Object.entries(properties).map(([k, v]) => `${k}=${escapeProperty(v)}`).join(",");
  io.write(`::${command}${props ? ` ${props}` : ""}::${escapeData(message)}${import_node_os2.EOL}`);
}
function fileCommandEntry(name, value, delimiter = `ghadelimiter_${(0, import_node_crypto.randomUUID)()}`) {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`value of ${name} contains the file-command delimiter`);
  }
  return `${name}<<${delimiter}${import_node_os2.EOL}${value}${import_node_os2.EOL}${delimiter}${import_node_os2.EOL}`;
}
function fileCommand(io, variable, legacy, name, value) {
  const file = io.env[variable];
  if (file) io.append(file, fileCommandEntry(name, value));
  else issueCommand(io, legacy, value, { name });
}
function setOutput(io, name, value) {
  fileCommand(io, "GITHUB_OUTPUT", "set-output", name, value);
}
function saveState(io, name, value) {
  fileCommand(io, "GITHUB_STATE", "save-state", name, value);
}
function getState(io, name) {
  return io.env[`STATE_${name}`] ?? "";
}
function exportVariable(io, name, value) {
  io.env[name] = value;
  fileCommand(io, "GITHUB_ENV", "set-env", name, value);
}
function setSecret(io, value) {
  if (value !== "") issueCommand(io, "add-mask", value);
}
function appendSummary(io, markdown) {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (file) io.append(file, markdown);
}

// packages/core/src/action/logger.ts
function createRunnerLogger(io = processIo) {
  return {
    debug: (message) => issueCommand(io, "debug", message),
    // Info lines carry tool output and echoed command lines: never let them act as workflow commands.
    info: (message) => writeUntrusted(io, message),
    warning: (message) => issueCommand(io, "warning", message),
    error: (message) => issueCommand(io, "error", message),
    setSecret: (value) => setSecret(io, value),
    group: async (title, fn) => {
      issueCommand(io, "group", title);
      try {
        return await fn();
      } finally {
        issueCommand(io, "endgroup", "");
      }
    }
  };
}
var runnerLogger = createRunnerLogger();
var silentLogger = {
  debug: () => void 0,
  info: () => void 0,
  warning: () => void 0,
  error: () => void 0,
  setSecret: () => void 0,
  group: (_title, fn) => fn()
};

// packages/core/src/action/state.ts
function runnerStateStore(io = processIo) {
  return {
    save: (key, value) => saveState(io, key, value),
    load: (key) => getState(io, key)
  };
}

// packages/core/src/action/deps.ts
function runnerDeps(io = processIo) {
  const env = io.env;
  const logger = createRunnerLogger(io);
  const paths = { temp: tempBase(env), toolCache: env.RUNNER_TOOL_CACHE || void 0 };
  return {
    logger,
    runner: new ProcessToolRunner(logger, env),
    outputs: { set: (name, value) => setOutput(io, name, value) },
    inputs: envInputSource(env),
    inputContext: defaultInputContext(env, io.cwd()),
    env,
    state: runnerStateStore(io),
    paths,
    exportVariable: (name, value) => exportVariable(io, name, value),
    tempDir: (prefix) => tempFolder(paths.temp, prefix),
    now: () => /* @__PURE__ */ new Date(),
    writeSummary: async (summary) => appendSummary(io, `${summary.toString()}
`)
  };
}

// packages/core/src/action/run.ts
function details(error) {
  if (error instanceof CommandError && error.stderrTail !== "")
    return `${error.tool} stderr: ${error.stderrTail}`;
  if (error instanceof Error && !(error instanceof ConfigurationError) && error.stack) return error.stack;
  return void 0;
}
async function runMain(main, hooks = {}) {
  const fail2 = hooks.fail ?? ((message) => issueCommand(processIo, "error", message));
  const debug = hooks.debug ?? ((message) => issueCommand(processIo, "debug", message));
  try {
    await main();
    return 0;
  } catch (error) {
    const more = details(error);
    if (more !== void 0) debug(more);
    fail2(describeError(error));
    return 1;
  }
}
async function runPost(post, hooks = {}) {
  const warn = hooks.warn ?? ((message) => issueCommand(processIo, "warning", message));
  const debug = hooks.debug ?? ((message) => issueCommand(processIo, "debug", message));
  try {
    await post();
  } catch (error) {
    const more = details(error);
    if (more !== void 0) debug(more);
    warn(`Post step: ${describeError(error)}`);
  }
  return 0;
}

// packages/core/src/action/define-action.ts
function hooksFor(deps) {
  return {
    fail: (message) => deps.logger.error(message),
    warn: (message) => deps.logger.warning(message),
    debug: (message) => deps.logger.debug(message)
  };
}
function observed(value) {
  if (value instanceof Promise) value.catch(() => {
  });
  return value;
}
function maskSecrets(spec, values, deps) {
  for (const [name, field2] of Object.entries(spec)) {
    const value = values[name];
    if (field2.kind === "secret" && typeof value === "string" && value !== "") deps.logger.setSecret(value);
  }
}
function planContext(deps) {
  return { env: deps.env, workspace: deps.inputContext.workspace, now: deps.now() };
}
function outputWriter(contract, deps) {
  return {
    set: (name, value) => deps.outputs.set(name, value),
    write: (values) => contract.write(values, deps.outputs)
  };
}
function defineAction(definition) {
  const planFor = (deps) => {
    const values = readInputs(definition.inputs, deps.inputs, deps.inputContext);
    maskSecrets(definition.inputs, values, deps);
    return definition.plan(values, planContext(deps));
  };
  const execute = async (deps) => {
    const early = observed(definition.early ? definition.early(deps) : void 0);
    const plan2 = planFor(deps);
    const module = await definition.load();
    await module.run(plan2, { deps, outputs: outputWriter(definition.outputs, deps), early });
  };
  return {
    ...definition,
    planFor,
    execute,
    async main(deps = runnerDeps()) {
      const code = await runMain(() => execute(deps), hooksFor(deps));
      if (code !== 0) process.exitCode = code;
      return code;
    },
    async post(deps = runnerDeps()) {
      return runPost(async () => {
        const module = await definition.load();
        if (module.post === void 0) throw new Error(`${definition.name} has no post step`);
        await module.post(deps);
      }, hooksFor(deps));
    }
  };
}

// packages/core/src/action/outputs.ts
function defineOutputs(names) {
  return {
    names,
    write(values, sink) {
      for (const name of names) sink.set(name, values[name]);
    }
  };
}

// packages/core/src/oci/platform.ts
var PART = /^[a-z0-9][a-z0-9._-]*$/;
function parsePlatform(text2) {
  const parts = text2.split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !PART.test(p))) {
    throw new InvalidValueError(
      `platform "${text2}" must be os/arch or os/arch/variant in lowercase, e.g. linux/amd64 or linux/arm/v7`
    );
  }
  const [os = "", architecture = "", variant] = parts;
  return variant === void 0 ? { os, architecture } : { os, architecture, variant };
}

// packages/core/src/inputs/oci-inputs.ts
var ociInputs = {
  /**
   * An image digest. sha512 is refused here, at the input: registries, skopeo and cosign address images
   * by sha256 in this chain, and a sha512 digest would otherwise fail only after a tag was written.
   */
  digest: () => field("digest", (raw) => {
    const digest = Digest.parse(raw);
    if (digest.algorithm !== "sha256")
      throw new InvalidValueError(
        `is a ${digest.algorithm} digest; images are addressed by sha256 digests here (oci-build and skopeo-push output them)`
      );
    return digest;
  }),
  /** Any reference: tag, digest or both allowed. */
  reference: () => field("image-reference", (raw) => ImageReference.parse(raw)),
  /** A repository only: `registry/path`, no tag, no digest. */
  repository: () => field("repository", (raw) => {
    const ref = ImageReference.parse(raw);
    if (ref.tag !== void 0 || ref.digest !== void 0) {
      throw new InvalidValueError(
        `must be a repository without tag or digest (e.g. ghcr.io/org/app); got "${raw}": tags go in the "tags" input and the digest in "digest"`
      );
    }
    return ref;
  }),
  /** A list of tags, each validated; duplicates removed, order kept. */
  tags: () => field("tags", (raw) => {
    const tags = nonEmpty(raw, parseList(raw)).map((t) => validateTag(t));
    return [...new Set(tags)];
  }),
  /**
   * Tag rules (oci/tag-rules.ts): plain tags, templates such as `sha-{short-sha}` or `{major}.{minor}`,
   * `latest=auto`, each optionally limited to events (`nightly @schedule`). Each is checked when read.
   */
  tagRules: () => field("tag-rules", (raw) => parseTagRules(nonEmpty(raw, parseList(raw)))),
  /** A list of `os/arch[/variant]` platforms. */
  platforms: () => field("platforms", (raw) => {
    const list = nonEmpty(raw, parseList(raw));
    const seen = /* @__PURE__ */ new Set();
    return list.flatMap((p) => {
      if (seen.has(p)) return [];
      seen.add(p);
      return [parsePlatform(p)];
    });
  })
};

// packages/core/src/inputs/signer-inputs.ts
var import_node_crypto3 = __toESM(require_crypto(), 1);
var import_node_fs3 = __toESM(require_fs(), 1);

// packages/core/src/sigstore/bundle-verifier.ts
var import_node_crypto2 = __toESM(require_crypto(), 1);
var import_bundle = __toESM(require_dist2(), 1);
var import_protobuf_specs = __toESM(require_dist(), 1);
var import_verify = __toESM(require_dist4(), 1);

// packages/core/src/sigstore/fulcio-certificate.ts
var import_core = __toESM(require_dist3(), 1);
var FULCIO_OID = {
  issuer: "1.3.6.1.4.1.57264.1.8",
  buildSignerURI: "1.3.6.1.4.1.57264.1.9",
  buildSignerDigest: "1.3.6.1.4.1.57264.1.10",
  runnerEnvironment: "1.3.6.1.4.1.57264.1.11",
  sourceRepositoryURI: "1.3.6.1.4.1.57264.1.12",
  sourceRepositoryDigest: "1.3.6.1.4.1.57264.1.13",
  sourceRepositoryRef: "1.3.6.1.4.1.57264.1.14",
  buildConfigURI: "1.3.6.1.4.1.57264.1.18",
  buildTrigger: "1.3.6.1.4.1.57264.1.20",
  runInvocationURI: "1.3.6.1.4.1.57264.1.21"
};
function certificateClaims(bundleJson) {
  const material = bundleJson?.verificationMaterial;
  const rawBytes = material?.certificate?.rawBytes ?? material?.x509CertificateChain?.certificates?.[0]?.rawBytes;
  if (typeof rawBytes !== "string") return void 0;
  const raw = Buffer.from(rawBytes, "base64");
  const cert = import_core.X509Certificate.parse(Buffer.from(raw));
  const claims = { subject: cert.subjectAltName };
  for (const [name, oid] of Object.entries(FULCIO_OID)) {
    const ext = cert.extension(oid);
    if (ext === void 0) continue;
    const inner = ext.valueObj.subs[0];
    claims[name] = (inner === void 0 ? ext.value : inner.value).toString("utf8");
  }
  return claims;
}

// packages/core/src/sigstore/bundle-verifier.ts
var SignatureError = class extends ConfigurationError {
  constructor(message, details2 = {}) {
    super(message, { code: "SIGNATURE_INVALID", ...details2 });
  }
};
function anchorPattern(pattern) {
  if (/^\^\(\?:.*\)\$$/s.test(pattern)) return pattern;
  return `^(?:${pattern})$`;
}
function anchoredRegExp(pattern) {
  try {
    return new RegExp(anchorPattern(pattern));
  } catch (error) {
    throw new ConfigurationError(
      `"${pattern}" is not a valid regular expression (${error.message})`
    );
  }
}
function parseTrustedRoot(json) {
  try {
    return import_protobuf_specs.TrustedRoot.fromJSON(json);
  } catch (error) {
    throw new ConfigurationError(
      `the trusted root is not a Sigstore TrustedRoot document (${error.message})`,
      { code: "TRUSTED_ROOT_INVALID", cause: error }
    );
  }
}
function verifyBundle(bundleJson, options) {
  const bundle = parseBundle(bundleJson);
  requireValidityStarts(options.trustedRoot);
  requireSignerKind(bundle, options.policy);
  const signer = verifySignature(bundle, options);
  requireSource(bundleJson, options.policy);
  requireArtifact(bundle, options);
  return {
    identity: signer.identity?.subjectAlternativeName,
    issuer: signer.identity?.extensions?.issuer,
    mediaType: bundle.mediaType
  };
}
function parseBundle(bundleJson) {
  try {
    return (0, import_bundle.bundleFromJSON)(bundleJson);
  } catch (error) {
    throw new SignatureError(`the bundle is malformed: ${error.message}`);
  }
}
function verifySignature(bundle, options) {
  const { policy } = options;
  const keyFinder = policy.publicKey === void 0 ? void 0 : () => ({ publicKey: (0, import_node_crypto2.createPublicKey)(policy.publicKey ?? ""), validFor: () => true });
  const trust = (0, import_verify.toTrustMaterial)(options.trustedRoot, keyFinder);
  const verifier = new import_verify.Verifier(trust, {
    tlogThreshold: 1,
    ctlogThreshold: policy.publicKey === void 0 ? 1 : 0
  });
  try {
    const entity = (0, import_verify.toSignedEntity)(bundle, (0, import_bundle.isBundleWithDsseEnvelope)(bundle) ? void 0 : options.artifact);
    return verifier.verify(entity, identityPolicy(policy));
  } catch (error) {
    throw new SignatureError(`the signature does not verify: ${error.message}`);
  }
}
function identityPolicy(policy) {
  if (policy.publicKey !== void 0) return {};
  return {
    ...policy.identity !== void 0 ? { subjectAlternativeName: policy.identity } : {},
    ...policy.identityRegExp !== void 0 ? { subjectAlternativeName: policy.identityRegExp } : {},
    ...policy.issuer !== void 0 ? { extensions: { issuer: policy.issuer } } : {}
  };
}
function requireArtifact(bundle, options) {
  const content = bundle.content;
  if (content.$case !== "dsseEnvelope") return;
  if (options.artifact === void 0 && options.artifactDigest === void 0) return;
  const digest = options.artifactDigest ?? (0, import_node_crypto2.createHash)("sha256").update(options.artifact ?? Buffer.alloc(0)).digest("hex");
  requireSubject(
    content.dsseEnvelope.payload,
    content.dsseEnvelope.payloadType,
    digest,
    options.predicateType
  );
}
function requireSignerKind(bundle, policy) {
  const material = bundle.verificationMaterial.content.$case;
  if (policy.publicKey !== void 0) {
    if (material !== "publicKey")
      throw new SignatureError(
        "the signature carries a certificate (a keyless signer), but the policy requires the public key"
      );
    return;
  }
  if (policy.identity === void 0 && policy.identityRegExp === void 0)
    throw new ConfigurationError(
      "a keyless signature policy needs the signer identity (certificate-identity or certificate-identity-regexp)"
    );
  if (material === "publicKey")
    throw new SignatureError("the signature was made with a key, but the policy requires a keyless signer");
}
function requireSource(bundleJson, policy) {
  if (policy.publicKey !== void 0) return;
  const wanted = [
    ["sourceRepositoryURI", "source repository", policy.sourceRepository],
    ["sourceRepositoryRef", "source ref", policy.sourceRef]
  ];
  if (wanted.every(([, , value]) => value === void 0)) return;
  const claims = certificateClaims(bundleJson);
  for (const [claim, what, value] of wanted) {
    if (value === void 0) continue;
    const actual = claims?.[claim];
    if (actual === void 0)
      throw new SignatureError(
        `the signing certificate names no ${what} (Fulcio extension ${claim}), but the policy requires ${value}`
      );
    if (actual !== value)
      throw new SignatureError(`the signing certificate's ${what} is ${actual}, not ${value}`);
  }
}
function requireSubject(payload, payloadType, sha256Hex, predicateType) {
  if (payloadType !== "application/vnd.in-toto+json")
    throw new SignatureError(`unexpected DSSE payload type ${payloadType}`);
  let statement;
  try {
    statement = JSON.parse(payload.toString("utf8"));
  } catch {
    throw new SignatureError("the DSSE payload is not a JSON in-toto statement");
  }
  if (!(statement.subject ?? []).some((s) => s.digest?.sha256 === sha256Hex)) {
    throw new SignatureError(`the signed statement's subjects do not include sha256:${sha256Hex}`);
  }
  if (predicateType !== void 0 && statement.predicateType !== predicateType) {
    throw new SignatureError(
      `the signed statement is a ${statement.predicateType ?? "statement without predicate type"}, not a ${predicateType} signature`
    );
  }
}
function requireValidityStarts(root) {
  const problems = [];
  for (const log of root.tlogs)
    if (log.publicKey?.validFor?.start === void 0) problems.push(`transparency log ${log.baseUrl}`);
  for (const log of root.ctlogs)
    if (log.publicKey?.validFor?.start === void 0) problems.push(`CT log ${log.baseUrl}`);
  for (const ca of root.certificateAuthorities)
    if (ca.validFor?.start === void 0) problems.push(`certificate authority ${ca.uri}`);
  for (const tsa of root.timestampAuthorities)
    if (tsa.validFor?.start === void 0) problems.push(`timestamp authority ${tsa.uri}`);
  if (problems.length > 0)
    throw new SignatureError(`the trusted root is malformed: no validity start for ${problems.join(", ")}`);
}

// packages/core/src/inputs/signer-inputs.ts
function parsePublicKey(raw, ctx) {
  let pem = raw;
  if (!raw.startsWith("-----BEGIN")) {
    const path = parsePath(raw, ctx, { allowOutsideWorkspace: true });
    try {
      pem = (0, import_node_fs3.readFileSync)(path, "utf8").trim();
    } catch (error) {
      throw new InvalidValueError(
        `is neither a PEM public key nor a readable file (${error.code ?? "unreadable"})`
      );
    }
  }
  const label = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
  if (label !== "PUBLIC KEY")
    throw new InvalidValueError(
      `is not a PEM public key (-----BEGIN PUBLIC KEY-----)${label === void 0 ? "" : `; it holds a ${label.toLowerCase()}`}`
    );
  try {
    return (0, import_node_crypto3.createPublicKey)(pem).export({ type: "spki", format: "pem" }).toString();
  } catch {
    throw new InvalidValueError("is not a PEM public key (-----BEGIN PUBLIC KEY-----) that parses");
  }
}
var GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";
var signerInputs = {
  publicKey: () => field("public key", parsePublicKey),
  /** Fulcio's Source Repository URI form: the repository's URL, e.g. https://github.com/acme/app. */
  sourceRepository: () => inputs.string({
    pattern: /^https:\/\/[^/\s]+\/[^/\s]+\/[^/\s]+$/,
    accepted: "the repository URL as Fulcio certifies it, e.g. https://github.com/acme/app"
  }),
  sourceRef: () => inputs.string({ pattern: /^refs\/\S+$/, accepted: "a git ref, e.g. refs/heads/main" })
};
var signerSpec = {
  "certificate-identity": inputs.string().optional(),
  "certificate-identity-regexp": inputs.string().optional(),
  "certificate-oidc-issuer": inputs.string().optional(),
  "certificate-source-repository": signerInputs.sourceRepository().optional(),
  "certificate-source-ref": signerInputs.sourceRef().optional(),
  "public-key": signerInputs.publicKey().optional()
};
function signerPolicyFromInputs(values, logger, why) {
  const source = {
    ...values["certificate-source-repository"] === void 0 ? {} : { sourceRepository: values["certificate-source-repository"] },
    ...values["certificate-source-ref"] === void 0 ? {} : { sourceRef: values["certificate-source-ref"] }
  };
  if (values["public-key"] !== void 0) {
    const given = Object.keys(source).length > 0;
    if (given)
      throw new ConfigurationError(
        "certificate-source-repository and certificate-source-ref bind a keyless certificate; a public-key signature has none",
        {
          input: values["certificate-source-repository"] ? "certificate-source-repository" : "certificate-source-ref"
        }
      );
    return { publicKey: values["public-key"] };
  }
  const identity = values["certificate-identity"];
  const pattern = values["certificate-identity-regexp"];
  const issuer = values["certificate-oidc-issuer"];
  if (identity === void 0 && pattern === void 0 || issuer === void 0)
    throw new ConfigurationError(
      `${why}: give certificate-identity (or certificate-identity-regexp) and certificate-oidc-issuer, or public-key`,
      {
        input: identity === void 0 && pattern === void 0 ? "certificate-identity" : "certificate-oidc-issuer"
      }
    );
  if (identity !== void 0 && pattern !== void 0)
    throw new ConfigurationError("give certificate-identity or certificate-identity-regexp, not both", {
      input: "certificate-identity-regexp"
    });
  if (pattern !== void 0 && !(pattern.startsWith("^") && pattern.endsWith("$")))
    logger.warning(
      `certificate-identity-regexp "${pattern}" was anchored to ^\u2026$ so that look-alike identities do not match`
    );
  if (issuer === GITHUB_ACTIONS_ISSUER && source.sourceRepository === void 0)
    logger.warning(
      "certificate-source-repository is not set: a signature by this workflow identity from ANY repository (every caller of a reusable workflow signs as it) is accepted; set it, e.g. https://github.com/acme/app"
    );
  return identity !== void 0 ? { identity, issuer, ...source } : { identityRegExp: anchoredRegExp(pattern ?? ""), issuer, ...source };
}

// packages/core/src/report/job-summary.ts
function escapeHtml(text2) {
  return text2.replace(/[&<>"'|`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
function renderCell(cell) {
  if (typeof cell === "string") return escapeHtml(cell);
  return cell.code ? `<code>${escapeHtml(cell.text)}</code>` : escapeHtml(cell.text);
}
var JobSummary = class _JobSummary {
  parts = [];
  heading(text2, level = 2) {
    this.parts.push(`<h${level}>${escapeHtml(text2)}</h${level}>`);
    return this;
  }
  paragraph(text2) {
    this.parts.push(`<p>${escapeHtml(text2)}</p>`);
    return this;
  }
  /** A line with a leading status mark, for verdicts. */
  verdict(ok, text2) {
    this.parts.push(`<p><strong>${ok ? "\u2705" : "\u274C"} ${escapeHtml(text2)}</strong></p>`);
    return this;
  }
  warning(text2) {
    this.parts.push(`<blockquote><p>\u26A0\uFE0F ${escapeHtml(text2)}</p></blockquote>`);
    return this;
  }
  code(text2) {
    this.parts.push(`<pre><code>${escapeHtml(text2)}</code></pre>`);
    return this;
  }
  table(headers, rows) {
    this.parts.push(renderTable(headers, rows));
    return this;
  }
  /** Key/value pairs as a two-column table. */
  facts(pairs) {
    return this.table(
      ["", ""],
      pairs.map(([k, v]) => [k, v])
    );
  }
  /** A collapsed section; `build` fills a nested summary. */
  details(label, build) {
    const inner = new _JobSummary();
    build(inner);
    this.parts.push(`<details><summary>${escapeHtml(label)}</summary>

${inner.toString()}
</details>`);
    return this;
  }
  toString() {
    return this.parts.join("\n");
  }
};
function renderTable(headers, rows) {
  const head = headers.every((h) => h === "") ? "" : `<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead>`;
  const body = rows.map((row) => `<tr>${row.map((c) => `<td>${renderCell(c)}</td>`).join("")}</tr>`).join("");
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

// packages/core/src/report/severity.ts
var SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"];
function parseSeverityList(items) {
  const wanted = /* @__PURE__ */ new Set();
  for (const item of items) {
    const upper = item.toUpperCase();
    const found = SEVERITIES.find((s) => s === upper);
    if (found === void 0)
      throw new InvalidValueError(`severity "${item}" is not one of ${SEVERITIES.join(", ")}`);
    wanted.add(found);
  }
  if (wanted.size === 0) throw new InvalidValueError(`must name at least one of ${SEVERITIES.join(", ")}`);
  return wanted;
}

// packages/core/src/sigstore/kyverno-requirements.ts
var POLICY_ATTESTATION_TYPES = {
  provenance: "https://slsa.dev/provenance/v1",
  // cosign --type slsaprovenance1
  sbom: "https://cyclonedx.org/bom",
  // cosign --type cyclonedx
  vuln: "https://cosign.sigstore.dev/attestation/vuln/v1"
  // cosign --type vuln
};
var TRIVY_FINDING_LISTS = ["Vulnerabilities", "Secrets", "Misconfigurations"];

// actions/tag-promote/src/attestations.ts
function attestationConditions(values, policy, env) {
  const required = values["require-attestations"];
  if (required.length === 0) return void 0;
  if (!values["require-signature"] || policy === void 0)
    throw new ConfigurationError(
      `Input "require-attestations": attestations are verified against the signature's identity policy; set require-signature to true (with certificate-identity and certificate-oidc-issuer, or public-key)`,
      { input: "require-attestations" }
    );
  const builderId = values["provenance-builder-id"];
  if (required.includes("provenance") && builderId === void 0 && policy.publicKey !== void 0)
    throw new ConfigurationError(
      `Input "provenance-builder-id": with public-key there is no signing identity to bind the provenance's builder to; give the builder id (e.g. https://github.com/acme/app/.github/workflows/publish.yml@refs/heads/main)`,
      { input: "provenance-builder-id" }
    );
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = env;
  const sourceRepository = values["provenance-source-repository"] ?? (repository ? `${server ?? "https://github.com"}/${repository}` : void 0);
  if (required.includes("provenance") && sourceRepository === void 0)
    throw new ConfigurationError(
      'Input "provenance-source-repository": GITHUB_REPOSITORY is not set, so give the repository the provenance must name (e.g. https://github.com/acme/app)',
      { input: "provenance-source-repository" }
    );
  return {
    required,
    builderId,
    sourceRepository: sourceRepository ?? "",
    denySeverities: values["vuln-severities"],
    maxScanAgeMs: values["max-scan-age"]
  };
}
function requireVerdicts(verdicts, where) {
  const failed = verdicts.filter((v) => !v.ok);
  if (failed.length === 0) return;
  throw new ConfigurationError(
    `refusing to promote ${where}: ${failed.map((v) => `the ${v.kind} attestation: ${v.detail}`).join("; ")}. No tag was changed.`,
    { input: "require-attestations" }
  );
}
function verdictRows(verdicts) {
  return verdicts.map((v) => [
    v.kind,
    v.ok ? "verified" : "refused",
    v.attestation === void 0 ? "\u2014" : `${v.attestation.format}, ${v.attestation.identity ?? "key"}`,
    v.detail
  ]);
}

// actions/tag-promote/src/plan.ts
function plan(values, context) {
  const warnings = [];
  const policy = values["require-signature"] ? signerPolicyFromInputs(values, collecting(warnings), "require-signature is true") : void 0;
  const conditions = attestationConditions(values, policy, context.env);
  const target = values["target-image"];
  return {
    image: values.image,
    digest: values.digest,
    rules: values.tags,
    immutable: values["immutable-tags"],
    target: target === void 0 || target.equals(values.image) ? void 0 : target,
    registry: { authFile: values["auth-file"], tlsVerify: values["tls-verify"] },
    signature: policy === void 0 ? void 0 : { policy, trustedRoot: values["trusted-root"], conditions },
    warnings
  };
}
function collecting(warnings) {
  return { ...silentLogger, warning: (message) => void warnings.push(message) };
}
function tagRepository(plan2) {
  return plan2.target ?? plan2.image;
}
function chooseTags(plan2, ref, existing) {
  return planTagRules(plan2.rules, ref, existing, { immutable: plan2.immutable, input: "tags" });
}
function promotions(plan2, tags, current) {
  const refusal = { input: "tags", before: "refusing to promote: ", after: ". No tag was changed." };
  return planTags(tags, current, plan2.digest.toString(), plan2.immutable, refusal);
}
function previousOutput(plans) {
  return JSON.stringify(Object.fromEntries(plans.map((p) => [p.tag, p.previous ?? null])));
}
function promotionSummary(image, digest, signedBy, plans, skipped, verdicts = []) {
  const summary = new JobSummary().heading("tag-promote");
  if (plans.length === 0)
    summary.verdict(true, `No tag rule applies to this run: nothing promoted (${image}@${digest})`);
  else
    summary.verdict(true, `Promoted ${image}@${digest}`).facts([
      ["digest", { text: digest, code: true }],
      ["signature", signedBy]
    ]).table(
      ["tag", "before", "now"],
      plans.map((p) => [
        p.tag,
        p.previous === void 0 ? "new" : { text: p.previous, code: true },
        p.action === "unchanged" ? "unchanged" : "moved here"
      ])
    );
  if (plans.length > 0 && verdicts.length > 0)
    summary.table(["attestation", "verdict", "found (format, signer)", "checked"], verdictRows(verdicts));
  if (skipped.length > 0)
    summary.table(
      ["skipped tag rule", "why"],
      skipped.map((s) => [{ text: s.rule, code: true }, s.reason])
    );
  return summary;
}

export {
  ConfigurationError,
  CommandError,
  fromInput,
  parseList,
  parseEnum,
  inputs,
  defineAction,
  defineOutputs,
  Digest,
  DEFAULT_IMMUTABLE_TAGS,
  needsExistingTags,
  ociInputs,
  SEVERITIES,
  parseSeverityList,
  POLICY_ATTESTATION_TYPES,
  TRIVY_FINDING_LISTS,
  readRefContext,
  certificateClaims,
  SignatureError,
  parseTrustedRoot,
  verifyBundle,
  signerSpec,
  requireVerdicts,
  plan,
  tagRepository,
  chooseTags,
  promotions,
  previousOutput,
  promotionSummary
};
//# sourceMappingURL=chunk-J5OTOWX6.mjs.map
