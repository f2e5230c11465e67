/** The API the pages use. Platform files pick the transport: transport.weapp.ts in weapp, transport.ts in H5. */
export { callFunction, photoUrl, uploadPhoto, type FunctionName } from './transport';
export { ApiError, isNetworkError } from './errors';
export { clearSession, getSessionUser, getToken, saveSession, type SessionUser } from './session';
