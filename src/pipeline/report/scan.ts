// The vulnerability scan of the built image: a scanner's report file the workflow made, or
// `trivy image` run here on the pushed (or loaded) image. Read, then counted by severity.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { countVulnerabilities, countsText, type ScanResult } from '../../core/report/vulnerabilities.js'
import { errorMessage } from '../../core/errors.js'
import type { Inputs } from '../../core/inputs/inputs.js'
import type { Runtime } from '../host/runtime.js'

/** What trivy scans: an image reference and the platform to pick from an index. */
interface ScanTarget {
  ref: string
  platform: string
}

/** `target` is asked only when trivy runs here: a report file needs no image. */
export async function scanImage(
  rt: Runtime,
  inputs: Pick<Inputs, 'scanReport'>,
  target: () => ScanTarget,
  temp: string
): Promise<ScanResult> {
  const path = inputs.scanReport === 'trivy' ? await runTrivy(rt, target(), temp) : inputs.scanReport
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    throw new Error(
      `Input 'scan-report': ${path} could not be read (${errorMessage(e)}); run the scanner on the image before this step and give its JSON or SARIF report.`
    )
  }
  let scan: ScanResult
  try {
    scan = countVulnerabilities(text)
  } catch (e) {
    throw new Error(`Input 'scan-report': ${path} is ${errorMessage(e)}.`)
  }
  rt.info(`Vulnerabilities (${scan.format} report): ${countsText(scan.counts)}`)
  return scan
}

async function runTrivy(rt: Runtime, target: ScanTarget, temp: string): Promise<string> {
  const output = join(temp, 'trivy-report.json')
  const args = ['image', '--format', 'json', '--output', output, '--quiet', '--platform', target.platform, target.ref]
  const result = await rt.docker(args, { command: 'trivy' }).catch(e => {
    throw new Error(
      /ENOENT/.test(errorMessage(e))
        ? "Input 'scan-report': trivy is not on PATH; install it in an earlier step (aquasecurity/setup-trivy), or give your scanner's report file."
        : `trivy could not start: ${errorMessage(e)}`
    )
  })
  if (result.code !== 0)
    throw new Error(`trivy image ${target.ref} failed (exit ${result.code}): ${result.stderr.trim().split('\n').pop()}`)
  return output
}
