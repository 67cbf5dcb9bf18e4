// gql sends one GraphQL request to the server's own endpoint and returns
// its data, throwing the first error's message. A server started with
// --read-token answers 401: the page then asks for the token once and keeps
// it for the browser tab (sessionStorage).
const TOKEN_KEY = 'kgraph-token';

export async function gql(config, query, variables) {
  for (let attempt = 0; ; attempt++) {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(config.endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    if (res.status === 401 && attempt === 0) {
      const t = window.prompt('This kgraph server needs a token to read the graph (kgraph serve --read-token):');
      if (t) { sessionStorage.setItem(TOKEN_KEY, t.trim()); continue; }
    }
    let body;
    try {
      body = await res.json();
    } catch {
      throw new Error(`the server answered ${res.status}${res.status === 401 ? ': a read token is needed' : ''}`);
    }
    if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    return body.data;
  }
}
