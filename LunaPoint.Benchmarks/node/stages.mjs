// The Node.js side of `dotnet run -c Release --project LunaPoint.Benchmarks -- stages`.
// Loads fr_detect and fr_feature with one intra-op thread and spinning off (as the C# sessions), reads
// the same preprocessed inputs the C# side wrote, and answers "MODEL COUNT" lines on stdin with one
// JSON line of per-run milliseconds, so the two runtimes can be timed in alternating batches.
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import ort from 'onnxruntime-node';

const [modelsDir, inputsDir] = process.argv.slice(2);
const options = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
  extra: { session: { intra_op: { allow_spinning: '0' } } },
};
const models = {};
for (const [name, shape] of [['fr_detect', [1, 3, 240, 320]], ['fr_feature', [1, 3, 112, 112]]]) {
  const session = await ort.InferenceSession.create(`${modelsDir}/${name}.onnx`, options);
  const bytes = readFileSync(`${inputsDir}/${name}.bin`);
  const data = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  models[name] = { session, feeds: { [session.inputNames[0]]: new ort.Tensor('float32', data, shape) } };
}
process.stdout.write('ready\n');

for await (const line of createInterface({ input: process.stdin })) {
  const [name, count] = line.trim().split(' ');
  if (!name) continue;
  const model = models[name];
  const times = [];
  for (let i = 0; i < Number(count); i++) {
    const started = process.hrtime.bigint();
    await model.session.run(model.feeds);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  process.stdout.write(JSON.stringify(times) + '\n');
}
