// Logins before anything talks to a registry: the single-registry inputs and `registry-auth`,
// each password through stdin; post logs out of every one that succeeded.
import type { Inputs } from '../../core/inputs/inputs.js'
import { loginArgs } from '../../core/builder/args.js'
import { registryOf } from '../../core/registry/reference.js'
import { loginsOf } from '../../core/inputs/registry-auth.js'
import { mustRun } from '../host/docker.js'
import type { Runtime } from '../host/runtime.js'

export async function logIn(rt: Runtime, inputs: Pick<Inputs, 'username' | 'password' | 'registry' | 'image' | 'logins'>): Promise<void> {
  const loggedIn: string[] = []
  for (const login of loginsOf(inputs, registryOf)) {
    await mustRun(rt.docker, loginArgs(login.registry, login.username), `Logging in to ${login.registry}`, { input: login.password })
    loggedIn.push(login.registry)
    rt.remember({ logouts: loggedIn })
  }
}
