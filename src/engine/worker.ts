// A worker thread of the pool: audits the chunks of proposals it is sent, one proposal at a
// time, and sends back only the small ProposalReports (never the parsed documents), with what
// the cache is to remember of each when the run uses one.
import { parentPort, workerData } from "node:worker_threads";
import type { Proposal } from "../discover.js";
import type { Settings } from "./audit-proposal.js";
import { auditChunk } from "./pool.js";

const settings = workerData as Settings;
parentPort!.on("message", (msg: { chunk: number; proposals: Proposal[]; memo?: boolean }) => {
  void auditChunk(msg.proposals, settings, msg.memo).then((result) => parentPort!.postMessage({ chunk: msg.chunk, result }));
});
